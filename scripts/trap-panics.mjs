// Run by scripts/build-pkg.sh on each wasm-bindgen output, before wasm-opt: the body of each
// function that only ever panics (they all return `!`) becomes a bare `unreachable`, what
// Rust's nightly-only `panic_immediate_abort` gives. On wasm32-unknown-unknown a panic (the
// profile has panic = "abort") already ends in the same trap (a `RuntimeError: unreachable` in
// JS): std formats the message and location, hands them to the default hook, which writes to
// a stderr that discards everything, then aborts. Nothing of that is observable, but it keeps
// the whole formatting machinery in the module; without it wasm-opt drops the message building
// at every panic site (-2.1 KB gzip of the statistics form's wasm, measured on the 2026-12-02
// build). The core never panics on any input (ARCHITECTURE.md); this changes no result.
//
// Needs the function names (the wasm profile keeps the symbols: strip = "debuginfo"; wasm-opt
// drops the name section afterwards). Fails when the panic entry points are not all found — a
// new toolchain that renamed them — so the saving cannot vanish unnoticed.
//
//   node scripts/trap-panics.mjs file.wasm...   (rewritten in place)
import fs from "node:fs";
import binaryen from "../pkg-tests/node_modules/binaryen/index.js";

// Crate names carry a hash (`core[c5930c85a12de822]::…`), which changes with the toolchain.
const crate = (name) => `${name}\\[[0-9a-f]+\\]::`;
// Every one of these is `-> !` in Rust (std, core, alloc): replacing the body by a trap only
// skips the message. Listed by name, not by prefix, so nothing that can return is caught.
const diverging = [
  `${crate("__rustc")}rust_begin_unwind`, // std's #[panic_handler]
  `${crate("__rustc")}__rust_alloc_error_handler`,
  `${crate("std")}panicking::panic_with_hook`,
  `${crate("std")}thread::local::panic_access_error`,
  `${crate("core")}panicking::(panic|panic_fmt|panic_nounwind|panic_nounwind_fmt|panic_bounds_check|panic_misaligned_pointer_dereference|panic_display|panic_explicit|panic_str_2015|unreachable_display|assert_failed_inner|panic_const::panic_const_[a-z_]+)`,
  `${crate("core")}(result::unwrap_failed|option::unwrap_failed|option::expect_failed)`,
  `${crate("core")}(str::slice_error_fail|str::slice_error_fail_rt|str::slice_error_fail_ct|slice::index::slice_index_fail|slice::index::slice_start_index_len_fail|slice::index::slice_end_index_len_fail|slice::index::slice_index_order_fail)`,
  `${crate("alloc")}(alloc::handle_alloc_error|raw_vec::handle_error|raw_vec::capacity_overflow)`,
  `<${crate("alloc")}vec::Vec<_, _>>::(insert|insert_mut|remove|swap_remove|split_off|drain)::assert_failed`,
].map((p) => new RegExp(`^(${p})$`));
// What must be found in every module (else the names are missing or the toolchain renamed them).
const required = [/::rust_begin_unwind$/, /^core\[[0-9a-f]+\]::panicking::panic_fmt$/];

const features =
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt | // part of bulk memory for binaryen (memory.copy, memory.fill)
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.SignExt |
  binaryen.Features.MutableGlobals |
  binaryen.Features.ReferenceTypes |
  binaryen.Features.Multivalue;

for (const file of process.argv.slice(2)) {
  const module = binaryen.readBinary(fs.readFileSync(file));
  module.setFeatures(features);
  const trapped = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const f = module.getFunctionByIndex(i);
    const { name, module: imported } = binaryen.getFunctionInfo(f);
    if (!imported && diverging.some((re) => re.test(name))) {
      binaryen.Function.setBody(f, module.unreachable());
      trapped.push(name);
    }
  }
  const missing = required.filter((re) => !trapped.some((name) => re.test(name)));
  if (missing.length > 0) {
    console.error(`${file}: no function matches ${missing.join(", ")} (built without symbols, or renamed by a new toolchain)`);
    process.exit(1);
  }
  if (!module.validate()) {
    console.error(`${file}: invalid after trapping the panic paths`);
    process.exit(1);
  }
  fs.writeFileSync(file, module.emitBinary());
  module.dispose();
}
