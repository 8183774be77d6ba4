//! `cxzy`: check statistics tables, rosters and review entries offline before upload
//! (SPEC §8.2). File reading, encodings and the clock live here, not in the core.
//!
//! Exit status: 0 no error (warnings allowed), 1 errors found, 2 a file cannot be read or parsed.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main());
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    /// `println!` that ignores a closed pipe (`cxzy validate … | head`): `println!` panics when
    /// stdout is gone, and nothing may panic; the reader has simply stopped reading.
    macro_rules! outln {
        ($($t:tt)*) => {{
            use std::io::Write as _;
            let _ = writeln!(std::io::stdout().lock(), $($t)*);
        }};
    }
    macro_rules! out {
        ($($t:tt)*) => {{
            use std::io::Write as _;
            let _ = write!(std::io::stdout().lock(), $($t)*);
        }};
    }

    use std::path::{Path, PathBuf};

    use chrono::NaiveDate;
    use clap::{FromArgMatches, Parser, Subcommand};
    use serde_json::Value;

    use cxzy_form::core::issue::{has_errors, Issue, Locale, Severity};
    use cxzy_form::core::json::{self, ParseError, ParseKind, MAX_BYTES};
    use cxzy_form::core::messages::{localize, parse_error_words};
    use cxzy_form::core::vocab;
    use cxzy_form::workbook::WorkbookError;
    use cxzy_form::core::normalize::parse_date;
    use cxzy_form::core::stats::{aggregate, csv, model, totals, StatsDoc};
    use cxzy_form::core::review::roster::Index;
    use cxzy_form::core::validate::{check_stats, validate_text_indexed, Options};
    use cxzy_form::core::{columns, review};

    /// The command line (SPEC §8.2). The doc comments are for maintainers: what the clerk reads
    /// (`--help`, the usage line) is the catalogue's, in the run's locale ([`command_line`]).
    #[derive(Parser)]
    #[command(name = "cxzy", version)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
        /// Language of messages: zh-CN or en (not given: the environment's, see [`locale_of`]).
        #[arg(long, global = true)]
        locale: Option<String>,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Check statistics tables (JSON or .csv), rosters or review entries. Several files: one
        /// line per file and a total; the exit status is the worst of them.
        Validate {
            #[arg(required = true)]
            files: Vec<PathBuf>,
            /// Batch 1 of the same unit, to compare a batch-2 table with (P rules).
            #[arg(long)]
            previous: Option<PathBuf>,
            /// A roster, to check entries against (E014, E015).
            #[arg(long)]
            roster: Option<PathBuf>,
            /// "Today" for reproducible runs (entries dated later are errors).
            #[arg(long)]
            today: Option<String>,
            /// Print the issues as one JSON array.
            #[arg(long)]
            json: bool,
        },
        /// Print the computed view of a table: the 合计 row, methods totals and coverages.
        Totals {
            file: PathBuf,
            #[arg(long)]
            json: bool,
        },
        /// Derive the statistics table and the gap lists from a roster and review entries.
        Coverage {
            #[arg(long)]
            roster: PathBuf,
            #[arg(long)]
            entries: PathBuf,
            #[arg(long = "as-of")]
            as_of: String,
            #[arg(long)]
            batch: u8,
            #[arg(long)]
            unit: String,
            #[arg(long)]
            json: bool,
        },
        /// Merge sub-units' tables into the parent's table (one row per child).
        Aggregate {
            #[arg(required = true)]
            files: Vec<PathBuf>,
            #[arg(long)]
            unit: String,
            #[arg(long)]
            batch: Option<u8>,
        },
        /// Write a table as CSV (UTF-8 with BOM, zh-CN headers) or as an Excel workbook in the
        /// official layout (.xlsx, needs -o).
        Export {
            file: PathBuf,
            #[arg(long, required_unless_present = "xlsx", conflicts_with = "xlsx")]
            csv: bool,
            #[arg(long, requires = "output")]
            xlsx: bool,
            /// Write to this file instead of standard output.
            #[arg(short, long)]
            output: Option<PathBuf>,
        },
    }

    /// A failure that stops the command with exit status 2: what and where, worded in the
    /// clerk's language only when printed ([`Fatal::message`], from the catalogue).
    enum Fatal {
        /// A file that cannot be opened, read or written.
        Io { path: PathBuf, error: std::io::Error, write: bool },
        /// A file past the limit (X003), which is never read to its end.
        TooLarge { path: PathBuf, limit: u64 },
        /// Text that is not JSON or a table, or not UTF-8: where.
        Parse { path: PathBuf, error: ParseError },
        /// A workbook that cannot be read or written.
        Workbook { path: PathBuf, error: WorkbookError },
        /// An argument that is not a date.
        NotADate { name: &'static str, value: String },
        /// `--batch` other than 1 or 2.
        Batch(u8),
    }

    impl Fatal {
        fn at(path: &Path, e: &ParseError) -> Fatal {
            Fatal::Parse { path: path.to_path_buf(), error: e.clone() }
        }

        fn io(path: &Path) -> impl Fn(std::io::Error) -> Fatal + '_ {
            move |error| Fatal::Io { path: path.to_path_buf(), error, write: false }
        }

        /// The line printed after `cxzy: `.
        fn message(&self, locale: Locale) -> String {
            let c = vocab::catalogue(locale);
            match self {
                Fatal::Io { path, error, write } => {
                    let key = match error.kind() {
                        std::io::ErrorKind::NotFound => "file_not_found",
                        std::io::ErrorKind::PermissionDenied => "file_denied",
                        std::io::ErrorKind::IsADirectory => "file_is_dir",
                        _ if *write => "file_unwritable",
                        _ => "file_unreadable",
                    };
                    format!("{}: {}", path.display(), c.phrase(key))
                }
                Fatal::TooLarge { path, limit } => {
                    format!("{}: [X003] {}", path.display(), c.phrase("too_large_over").replace("{max}", &limit.to_string()))
                }
                // `file:3:11:` for editors, and the words for people (SPEC §8.2: "the message
                // names line and column").
                Fatal::Parse { path, error: e } if e.line > 0 => {
                    format!("{}:{}:{}: {}", path.display(), e.line, e.column, parse_error_words(e, locale))
                }
                Fatal::Parse { path, error: e } => format!("{}: {}", path.display(), parse_error_words(e, locale)),
                Fatal::Workbook { path, error } => format!("{}: {}", path.display(), error.message(locale)),
                Fatal::NotADate { name, value } => c.phrase("cli_not_date").replace("{name}", name).replace("{value}", value),
                Fatal::Batch(b) => c.phrase("cli_batch").replace("{batch}", &b.to_string()),
            }
        }
    }

    /// A sentence of the catalogue with its `{name}`s filled in, in order (the clerk's own text —
    /// a file name, a message — last, so that a brace in it is never taken for a placeholder).
    fn phrase(locale: Locale, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        args.iter().fold(vocab::catalogue(locale).phrase(key).to_string(), |s, (k, v)| s.replace(&format!("{{{k}}}"), &v.to_string()))
    }

    /// The locale of the run, for every word it prints (help, usage errors, messages, results):
    /// `--locale` if given (`--locale en`, `--locale=en`, before or after the command; read from
    /// the raw arguments, since the help and clap's errors need it before they are parsed), else
    /// the environment's: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty,
    /// English when it starts with `en`, zh-CN otherwise (SPEC's default; also `C`, `POSIX` and
    /// no locale at all). `Err` with the value of a `--locale` that is no locale.
    fn locale_of(args: &[std::ffi::OsString]) -> Result<Locale, String> {
        let args: Vec<std::borrow::Cow<str>> = args.iter().skip(1).map(|a| a.to_string_lossy()).collect();
        let asked = args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--locale") {
            Some(v) if v.starts_with('=') => Some(v[1..].to_string()),
            Some("") => Some(args.get(i + 1).map_or_else(String::new, |v| v.to_string())),
            _ => None,
        });
        match asked {
            Some(l) => Locale::parse(&l).ok_or(l),
            None => Ok(env_locale()),
        }
    }

    /// The environment's locale ([`locale_of`]).
    fn env_locale() -> Locale {
        let set = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()));
        match set {
            Some(l) if l.starts_with("en") => Locale::En,
            _ => Locale::ZhCn,
        }
    }

    /// The command line in the locale's words: every command's and argument's help, the
    /// headings, the placeholders, the usage lines and the help and version flags, from the
    /// catalogue (`cli_about_*`, `cli_help_*`, `cli_heading_*`, `cli_value_*`); clap's own are
    /// English. The names of the commands and flags stay as they are (SPEC §8.2). clap's `help`
    /// subcommand is replaced by one of ours, with words (answered in [`main`]).
    fn command_line(locale: Locale) -> clap::Command {
        use clap::{Arg, CommandFactory};
        let c = vocab::catalogue(locale);
        let root = Cli::command()
            .disable_version_flag(true)
            .disable_help_subcommand(true)
            .arg(Arg::new("version").short('V').long("version").action(clap::ArgAction::Version))
            .subcommand(clap::Command::new("help").arg(Arg::new("command")));
        let mut root = in_words(root, None, c);
        root.build();
        let tag = c.phrase("cli_options_tag");
        set_usage(&mut root, tag);
        root
    }

    /// One command's words ([`command_line`]); `name` is the subcommand's, `None` for `cxzy`.
    fn in_words(cmd: clap::Command, name: Option<&str>, c: &'static vocab::Catalogue) -> clap::Command {
        let key = |what: &str, id: &str| match name {
            Some(n) => format!("cli_{what}_{n}_{id}"),
            None => format!("cli_{what}_{id}"),
        };
        let about = name.map_or_else(|| "cli_about".to_string(), |n| format!("cli_about_{n}"));
        // The template of clap's help with the usage heading in words (clap's other headings
        // are the arguments' `help_heading` and the `subcommand_help_heading`).
        let template = format!("{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}", c.phrase("cli_heading_usage"));
        let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
        let mut cmd = cmd
            .about(c.phrase(&about))
            .long_about(None)
            .help_template(template)
            .subcommand_help_heading(c.phrase("cli_heading_commands"))
            .subcommand_value_name(c.phrase("cli_value_command"))
            .disable_help_flag(true)
            .arg(clap::Arg::new("help").short('h').long("help").action(clap::ArgAction::Help));
        for id in ids.iter().map(String::as_str).chain(["help"]) {
            let help = if id == "help" { "cli_help_help".to_string() } else { key("help", id) };
            cmd = cmd.mut_arg(id, |a| {
                let heading = if a.is_positional() { "cli_heading_arguments" } else { "cli_heading_options" };
                let a = a.help(c.phrase(&help)).long_help(None).help_heading(c.phrase(heading));
                if !a.get_action().takes_values() {
                    return a;
                }
                let value = match id {
                    "today" | "as_of" => "cli_value_date",
                    "batch" => "cli_value_batch",
                    "unit" => "cli_value_unit",
                    "locale" => "cli_value_locale",
                    "command" => "cli_value_command",
                    _ => "cli_value_file",
                };
                a.value_name(c.phrase(value))
            });
        }
        let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
        for n in &subs {
            cmd = cmd.mut_subcommand(n, |s| in_words(s, Some(n), c));
        }
        cmd
    }

    /// The usage line of a built command and its subcommands, as clap writes it but with the
    /// locale's `[OPTIONS]`.
    fn set_usage(cmd: &mut clap::Command, tag: &str) {
        let usage = cmd.render_usage().to_string();
        let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u).replace("[OPTIONS]", tag);
        *cmd = std::mem::take(cmd).override_usage(usage);
        for s in cmd.get_subcommands_mut() {
            set_usage(s, tag);
        }
    }

    /// clap's own errors (an unknown flag, a missing argument…) in the clerk's language: the
    /// sentence from the catalogue and the argument clap names, then where to read the usage.
    fn usage_error(e: &clap::Error, locale: Locale) -> String {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        let c = vocab::catalogue(locale);
        let ctx = |k: ContextKind| match e.get(k) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(c.phrase("list_sep")),
            Some(v) => v.to_string(),
            None => String::new(),
        };
        let (key, arg) = match e.kind() {
            ErrorKind::UnknownArgument => ("cli_unknown_arg", ctx(ContextKind::InvalidArg)),
            ErrorKind::InvalidSubcommand => ("cli_unknown_command", ctx(ContextKind::InvalidSubcommand)),
            ErrorKind::MissingRequiredArgument => ("cli_missing_arg", ctx(ContextKind::InvalidArg)),
            ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => ("cli_no_command", String::new()),
            ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::InvalidUtf8 => ("cli_bad_value", ctx(ContextKind::InvalidArg)),
            ErrorKind::NoEquals | ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => ("cli_bad_value", ctx(ContextKind::InvalidArg)),
            ErrorKind::ArgumentConflict => ("cli_conflict", ctx(ContextKind::InvalidArg)),
            _ => ("cli_usage", String::new()),
        };
        let value = ctx(ContextKind::InvalidValue);
        let other = ctx(ContextKind::PriorArg);
        let text = c.phrase(key).replace("{arg}", &arg).replace("{value}", &value).replace("{other}", &other);
        format!("{text}\n{}", c.phrase("cli_see_help"))
    }

    pub fn main() -> i32 {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let locale = match locale_of(&args) {
            Ok(l) => l,
            Err(asked) => {
                // Not a locale: said in the environment's.
                eprintln!("cxzy: {}", phrase(env_locale(), "cli_locale", &[("locale", &asked)]));
                return 2;
            }
        };
        let mut cmd = command_line(locale);
        let matches = match cmd.try_get_matches_from_mut(&args) {
            Ok(m) => m,
            // --help and --version as clap writes them, in our words (exit 0); a usage error in
            // words (exit 2).
            Err(e) if !e.use_stderr() => {
                let _ = e.print();
                return 0;
            }
            Err(e) => {
                eprintln!("cxzy: {}", usage_error(&e, locale));
                return 2;
            }
        };
        // `cxzy help [COMMAND]`, as clap's own help subcommand answers.
        if let Some(("help", m)) = matches.subcommand() {
            let target = match m.get_one::<String>("command") {
                None => Some(&mut cmd),
                Some(name) => cmd.find_subcommand_mut(name),
            };
            let Some(target) = target else {
                let name = m.get_one::<String>("command").map_or("", String::as_str);
                eprintln!("cxzy: {}\n{}", phrase(locale, "cli_unknown_command", &[("arg", &name)]), phrase(locale, "cli_see_help", &[]));
                return 2;
            };
            outln!("{}", target.render_help());
            return 0;
        }
        let cli = match Cli::from_arg_matches(&matches) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("cxzy: {}", usage_error(&e, locale));
                return 2;
            }
        };
        match run(cli.command, locale) {
            Ok(code) => code,
            Err(f) => {
                eprintln!("cxzy: {}", f.message(locale));
                2
            }
        }
    }

    /// Reads at most `limit` bytes of a file, `-` meaning standard input. The limit holds
    /// whatever the source (SPEC §7): the reader stops at `limit + 1` bytes, so a pipe, a FIFO
    /// or /dev/zero is never read to its end; past the limit, X003 (exit 2).
    fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, Fatal> {
        use std::io::Read;
        let fail = Fatal::io(path);
        let source: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::fs::File::open(path).map_err(&fail)?)
        };
        let mut bytes = Vec::new();
        source.take(limit + 1).read_to_end(&mut bytes).map_err(fail)?;
        if bytes.len() as u64 > limit {
            return Err(Fatal::TooLarge { path: path.to_path_buf(), limit });
        }
        Ok(bytes)
    }

    /// Rosters and entries are read streaming, up to 2 GiB (SPEC §7).
    const MAX_STREAMED: u64 = 2 << 30;

    /// Reads a roster or entries file (`-`: standard input) in one pass, without holding its
    /// text: at most [`MAX_STREAMED`] bytes are read whatever the source (past them, X003), a BOM
    /// is skipped, bytes that are not UTF-8 or text that is not JSON are exit 2 with the line and
    /// column.
    fn read_streamed<T>(
        path: &Path,
        read: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::IoRead<std::io::BufReader<Limited>>>) -> Result<T, serde_json::Error>,
    ) -> Result<T, Fatal> {
        use std::io::{BufRead, Read};
        let fail = Fatal::io(path);
        let source: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::fs::File::open(path).map_err(&fail)?)
        };
        let (limited, ended) = Limited::streamed(source);
        // The reader is given to serde_json as a `BufReader` itself (not `&mut dyn BufRead`): its
        // bytes are then taken from the buffer inline, not by a call per byte (~2× faster).
        let mut input = std::io::BufReader::with_capacity(1 << 20, limited);
        if input.fill_buf().map_err(fail)?.starts_with(b"\xef\xbb\xbf") {
            input.consume(3);
        }
        let mut de = serde_json::Deserializer::from_reader(input);
        let result = read(&mut de).and_then(|v| de.end().map(|()| v));
        // The reader stops one byte past the limit: whatever went wrong, the size is the reason.
        if ended.get() {
            return Err(Fatal::TooLarge { path: path.to_path_buf(), limit: MAX_STREAMED });
        }
        result.map_err(|e| Fatal::at(path, &json::from_serde(&e)))
    }

    /// A source read up to a number of bytes (`Read::take`), which says when it got there.
    struct Limited {
        inner: Box<dyn std::io::Read>,
        left: u64,
        ended: std::rc::Rc<std::cell::Cell<bool>>,
    }

    impl Limited {
        /// `inner` read up to one byte past [`MAX_STREAMED`], and the flag that says it got there.
        fn streamed(inner: Box<dyn std::io::Read>) -> (Limited, std::rc::Rc<std::cell::Cell<bool>>) {
            let ended = std::rc::Rc::new(std::cell::Cell::new(false));
            (Limited { inner, left: MAX_STREAMED + 1, ended: ended.clone() }, ended)
        }
    }

    impl std::io::Read for Limited {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.left == 0 {
                self.ended.set(true);
                return Ok(0);
            }
            let most = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
            let n = self.inner.read(&mut buf[..most])?;
            self.left -= n as u64;
            if self.left == 0 {
                self.ended.set(true);
            }
            Ok(n)
        }
    }

    /// A roster or entries file read item by item with `read` (a `review::split` reader): at
    /// most [`MAX_STREAMED`] bytes through a buffer of a few MB, about twice as fast as
    /// [`read_streamed`] and without the file's text in memory. `None` when it is standard input
    /// or `read` stops (not JSON, not an object, past the limit…): [`read_streamed`] then reads
    /// it again and says why.
    fn read_split<T>(path: &Path, read: impl FnOnce(Limited) -> Result<T, review::split::Stop>) -> Option<T> {
        if path.as_os_str() == "-" {
            return None;
        }
        let (limited, ended) = Limited::streamed(Box::new(std::fs::File::open(path).ok()?));
        let value = read(limited).ok()?;
        (!ended.get()).then_some(value)
    }

    /// When a roster or entries file stops the item-by-item reader (it is broken, or not a
    /// document that reader takes), it is read again: up to this size into memory (a file that is
    /// not UTF-8 then says so, with the place), past it streamed.
    const READ_WHOLE: u64 = 256 << 20;

    /// A roster or entries file read whole when it is a file of at most [`READ_WHOLE`] bytes.
    fn read_whole(path: &Path) -> Result<Option<String>, Fatal> {
        let small = path.as_os_str() != "-" && std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= READ_WHOLE);
        if !small {
            return Ok(None);
        }
        read_decoded_up_to(path, READ_WHOLE).map(|(text, _)| Some(text))
    }

    /// Reads a roster or entries file item by item with `split` (a `review::split` reader,
    /// [`read_split`]); when that stops, with `read` (a `review::stream` reader given a
    /// deserializer) from memory ([`read_whole`]) or streamed ([`read_streamed`]), whose answer
    /// is then the one given.
    macro_rules! read_review {
        ($path:expr, |$d:ident| $read:expr, |$s:ident| $split:expr) => {{
            let path: &Path = $path;
            match read_split(path, |$s| $split) {
                Some(v) => Ok(v),
                None => match read_whole(path)? {
                    Some(text) => {
                        let mut de = serde_json::Deserializer::from_str(&text);
                        let $d = &mut de;
                        let result = $read;
                        result.and_then(|v| de.end().map(|()| v)).map_err(|e| Fatal::at(path, &json::from_serde(&e)))
                    }
                    None => read_streamed(path, |$d| $read),
                },
            }
        }};
    }

    /// Reads a file as text. JSON must be UTF-8 (a BOM is allowed, SPEC §7): other bytes make
    /// it unreadable (exit 2, with the line and column of the first bad byte). A CSV that is not
    /// UTF-8 is read as GBK/GB18030, as Chinese Excel and WPS save it.
    fn read_text(path: &Path) -> Result<String, Fatal> {
        read_decoded(path).map(|(text, _)| text)
    }

    /// As [`read_text`], and whether the bytes were GBK (a CSV then says so with N006).
    fn read_decoded(path: &Path) -> Result<(String, bool), Fatal> {
        read_decoded_up_to(path, MAX_BYTES as u64)
    }

    /// [`read_decoded`] of at most `limit` bytes.
    fn read_decoded_up_to(path: &Path, limit: u64) -> Result<(String, bool), Fatal> {
        let mut bytes = read_bytes(path, limit)?;
        let bom = if bytes.starts_with(b"\xef\xbb\xbf") { 3 } else { 0 };
        if std::str::from_utf8(&bytes[bom..]).is_ok() {
            // The bytes become the text without a copy (a roster or entries file may be large). A
            // CSV keeps its BOM: it tells the CSV reader the file is text, however many U+FFFD it
            // holds (`csv::read`); the JSON readers skip it.
            if !is_csv(path) {
                bytes.drain(..bom);
            }
            return Ok((String::from_utf8(bytes).unwrap_or_default(), false));
        }
        let body = &bytes[bom..];
        match std::str::from_utf8(body) {
            Ok(s) => Ok((s.to_string(), false)),
            Err(_) if is_csv(path) => Ok((encoding_rs::GB18030.decode(body).0.into_owned(), true)),
            Err(e) => {
                let good = &body[..e.valid_up_to()];
                let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
                let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
                let column = 1 + std::str::from_utf8(&good[start..]).map_or(0, |l| l.chars().count());
                let message = format!("not UTF-8 text (byte 0x{:02x}); save the JSON file as UTF-8", body[e.valid_up_to()]);
                Err(Fatal::at(path, &ParseError::new(ParseKind::NotUtf8, line, column, message)))
            }
        }
    }

    /// A CSV table with the issues found while reading it, N006 first when it was GBK.
    fn read_csv_table(path: &Path) -> Result<(StatsDoc, Vec<Issue>), Fatal> {
        let (text, gbk) = read_decoded(path)?;
        let (doc, mut issues) = csv::read(&text).map_err(|e| Fatal::at(path, &e))?;
        if gbk {
            issues.insert(0, csv::gbk_notice());
        }
        Ok((doc, issues))
    }

    fn is_csv(path: &Path) -> bool {
        path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    }

    /// An Excel workbook (.xlsx or .xls) by its first bytes, whatever its name.
    fn is_workbook(path: &Path) -> bool {
        use std::io::Read as _;
        let mut head = [0u8; 8];
        std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok()
            && cxzy_form::workbook::sniff(&head).is_some()
    }

    /// A table in a CSV file or a workbook (validated as a table, not recognised by `format`).
    fn is_table_file(path: &Path) -> bool {
        is_csv(path) || is_workbook(path)
    }

    fn read_json(path: &Path) -> Result<Value, Fatal> {
        json::parse(&read_text(path)?).map_err(|e| Fatal::at(path, &e))
    }

    /// A statistics table from JSON or CSV, with the issues found while reading it.
    fn read_table(path: &Path) -> Result<(StatsDoc, Vec<Issue>, Value), Fatal> {
        if is_workbook(path) {
            let bytes = read_bytes(path, MAX_BYTES as u64)?;
            let (doc, issues) = cxzy_form::workbook::read(&bytes).map_err(|error| Fatal::Workbook { path: path.to_path_buf(), error })?;
            let v = doc.to_value();
            Ok((doc, issues, v))
        } else if is_csv(path) {
            let (doc, issues) = read_csv_table(path)?;
            let v = doc.to_value();
            Ok((doc, issues, v))
        } else {
            let v = read_json(path)?;
            let (doc, issues) = model::read(&v);
            Ok((doc, issues, v))
        }
    }

    fn date_arg(name: &'static str, s: &str) -> Result<NaiveDate, Fatal> {
        parse_date(s).map_err(|_| Fatal::NotADate { name, value: s.to_string() })
    }

    /// Today from the system clock (UTC+8, the notices' time zone), unless `--today` is given.
    fn today(arg: Option<&str>) -> Result<NaiveDate, Fatal> {
        if let Some(s) = arg {
            return date_arg("--today", s);
        }
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let days = (secs + 8 * 3600).div_euclid(86_400);
        Ok(NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|e| e.checked_add_days(chrono::Days::new(days as u64)))
            .unwrap_or_default())
    }

    fn severity_word(s: Severity, locale: Locale) -> &'static str {
        let key = match s {
            Severity::Error => "severity_error",
            Severity::Warning => "severity_warning",
            Severity::Info => "severity_info",
        };
        cxzy_form::core::vocab::catalogue(locale).phrase(key)
    }

    /// Prints issues (one per line, or a JSON array) and a count on stderr; returns the exit code.
    fn report(issues: &[Issue], as_json: bool, locale: Locale) -> i32 {
        if as_json {
            outln!("{}", serde_json::to_string_pretty(issues).unwrap_or_else(|_| "[]".into()));
        } else {
            for i in issues {
                let path = if i.path.is_empty() { "/" } else { &i.path };
                outln!("{} {} {}: {}", i.code, severity_word(i.severity, locale), path, i.message);
            }
        }
        let count = |s| issues.iter().filter(|i| i.severity == s).count();
        let (e, w) = (count(Severity::Error), count(Severity::Warning));
        let counts = cxzy_form::core::vocab::catalogue(locale).phrase("cli_counts");
        eprintln!("{}", counts.replace("{errors}", &e.to_string()).replace("{warnings}", &w.to_string()));
        i32::from(e > 0)
    }

    /// The issues of one file, recognised by its `format` (or as a table by `.csv`).
    /// `roster`: the `--roster` file, read and indexed once for every file checked.
    fn validate_file(file: &Path, opts: &Options, roster: Option<&Index<'_>>) -> Result<Vec<Issue>, Fatal> {
        if is_table_file(file) {
            let (doc, read_issues, _) = read_table(file)?;
            let mut issues = check_stats(&doc, read_issues, opts.previous.as_ref());
            // At most a flood's worth of a code, as from a JSON document (SPEC §7): a CSV header
            // row of 3 000 unknown cells listed 3 000 T008.
            cxzy_form::core::issue::cap_floods(&mut issues);
            localize(&mut issues, opts.locale);
            Ok(issues)
        } else if let Some(issues) = validate_large(file, opts, roster)? {
            Ok(issues)
        } else {
            // One pass over the text: no `Value` tree for a statistics table, nor for a roster or
            // entries (`review::stream`).
            validate_text_indexed(&read_text(file)?, opts, roster).map_err(|e| Fatal::at(file, &e))
        }
    }

    /// A roster or entries file past what is read as text ([`MAX_BYTES`]), recognised by the
    /// `format` in its first MiB, checked streaming (SPEC §7: up to 2 GiB) with the issues capped
    /// as they are raised; `None` for a smaller file or another format.
    fn validate_large(file: &Path, opts: &Options, roster: Option<&Index<'_>>) -> Result<Option<Vec<Issue>>, Fatal> {
        use cxzy_form::core::issue::MAX_PER_CODE;
        use std::io::Read;
        let large = std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.len() > MAX_BYTES as u64);
        if !large {
            return Ok(None);
        }
        let mut head = Vec::new();
        std::fs::File::open(file)
            .and_then(|f| f.take(1 << 20).read_to_end(&mut head))
            .map_err(Fatal::io(file))?;
        let strings = review::stream::Strings::new();
        let mut issues = match review::stream::format_of(&head).as_deref() {
            Some(review::roster::FORMAT) => {
                let (r, read) = read_review!(file, |d| review::stream::read_roster_capped(d, &strings, MAX_PER_CODE), |s| review::split::read_roster_capped(s, review::split::BUFFER, &strings, MAX_PER_CODE))?;
                review::roster::validate_read(&r, read)
            }
            Some(review::entries::FORMAT) => {
                let (e, read) = read_review!(file, |d| review::stream::read_entries_capped(d, &strings, MAX_PER_CODE), |s| review::split::read_entries_capped(s, review::split::BUFFER, &strings, MAX_PER_CODE))?;
                review::entries::validate_indexed(&e, read, roster, opts.today)
            }
            _ => return Ok(None),
        };
        localize(&mut issues, opts.locale);
        Ok(Some(issues))
    }

    /// `cxzy validate a.json b.csv …`: one line per file (✓/✗, counts, the first problem) and a
    /// total on stderr, or with `--json` one array of `{ file, errors, warnings, issues }` (or
    /// `{ file, error }` for a file that cannot be read). A file that cannot be read does not stop
    /// the others. Exit status: the worst of the files (2 unreadable, 1 errors, 0).
    fn report_many(files: &[PathBuf], opts: &Options, roster: Option<&Index<'_>>, as_json: bool) -> i32 {
        let say = |key: &str, args: &[(&str, &dyn std::fmt::Display)]| phrase(opts.locale, key, args);
        let (mut worst, mut failed, mut unreadable, mut errors, mut warnings) = (0, 0, 0, 0, 0);
        let mut out = Vec::new();
        for file in files {
            let name = file.display().to_string();
            match validate_file(file, opts, roster) {
                Ok(issues) => {
                    let count = |s| issues.iter().filter(|i| i.severity == s).count();
                    let (e, w) = (count(Severity::Error), count(Severity::Warning));
                    errors += e;
                    warnings += w;
                    if e > 0 {
                        failed += 1;
                        worst = worst.max(1);
                    }
                    if as_json {
                        out.push(serde_json::json!({ "file": name, "errors": e, "warnings": w, "issues": issues }));
                        continue;
                    }
                    let first = issues.iter().find(|i| i.is_error()).or_else(|| issues.iter().find(|i| i.severity == Severity::Warning));
                    let first = first.map_or_else(String::new, |i| {
                        let path = if i.path.is_empty() { "/" } else { &i.path };
                        say("cli_first", &[("code", &i.code), ("path", &path), ("message", &i.message)])
                    });
                    let mark = if e > 0 { '✗' } else { '✓' };
                    outln!("{mark} {}{first}", say("cli_file_counts", &[("errors", &e), ("warnings", &w), ("file", &name)]));
                }
                Err(f) => {
                    let msg = f.message(opts.locale);
                    // The file is named once: `path:3:10: line 3, column 10: …` → `line 3, …`.
                    let msg = msg.strip_prefix(name.as_str()).map_or(msg.as_str(), |r| r.trim_start_matches(|c: char| c == ':' || c == ' ' || c.is_ascii_digit()));
                    unreadable += 1;
                    worst = 2;
                    if as_json {
                        out.push(serde_json::json!({ "file": name, "error": msg }));
                    } else {
                        outln!("✗ {}", say("cli_file_unreadable", &[("why", &msg), ("file", &name)]));
                    }
                }
            }
        }
        if as_json {
            print_json(&Value::Array(out));
        }
        let n = files.len();
        let passed = n - failed - unreadable;
        let args: [(&str, &dyn std::fmt::Display); 6] =
            [("n", &n), ("passed", &passed), ("failed", &failed), ("unreadable", &unreadable), ("errors", &errors), ("warnings", &warnings)];
        eprintln!("{}", say("cli_files_total", &args));
        worst
    }

    fn print_json(v: &Value) {
        outln!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
    }

    fn run(command: Command, locale: Locale) -> Result<i32, Fatal> {
        match command {
            Command::Validate { files, previous, roster, today: t, json } => {
                let previous = previous.map(|p| read_table(&p).map(|t| t.2)).transpose()?;
                // The roster by the one-pass reader (no `Value`: 200 000 members held as one were
                // ~150 MB more), up to 2 GiB like a roster given to `coverage`; only its index is used.
                let strings = review::stream::Strings::new();
                let roster = roster.map(|p| read_review!(&p, |d| review::stream::read_roster(d, &strings), |s| review::split::read_roster(s, &strings))).transpose()?;
                let index = roster.as_ref().map(|(r, _)| review::roster::analyse(r).0);
                let opts = Options { previous, roster: None, locale, today: Some(today(t.as_deref())?) };
                match files.as_slice() {
                    [file] => Ok(report(&validate_file(file, &opts, index.as_ref())?, json, locale)),
                    _ => Ok(report_many(&files, &opts, index.as_ref(), json)),
                }
            }
            Command::Totals { file, json } => {
                let (doc, read_issues, _) = read_table(&file)?;
                let mut issues = check_stats(&doc, read_issues, None);
                let (view, sum_issues) = totals::totals(&doc);
                issues.extend(sum_issues);
                cxzy_form::core::issue::cap_floods(&mut issues);
                localize(&mut issues, locale);
                if json {
                    print_json(&view);
                } else {
                    print_totals_text(&view, locale);
                }
                let errors = issues.iter().filter(|i| i.is_error()).count();
                if errors > 0 {
                    eprintln!("{}", phrase(locale, "cli_totals_note", &[("errors", &errors)]));
                }
                Ok(i32::from(has_errors(&issues)))
            }
            Command::Coverage { roster, entries, as_of, batch, unit, json } => {
                let as_of = date_arg("--as-of", &as_of)?;
                if !(1..=2).contains(&batch) {
                    return Err(Fatal::Batch(batch));
                }
                let strings = review::stream::Strings::new();
                let r = read_review!(&roster, |d| review::stream::read_roster(d, &strings), |s| review::split::read_roster(s, &strings))?;
                let e = read_review!(&entries, |d| review::stream::read_entries(d, &strings), |s| review::split::read_entries(s, &strings))?;
                let mut cov = review::coverage_of(r, e, as_of, batch, &unit);
                localize(&mut cov.issues, locale);
                let v = cov.to_value();
                if json {
                    print_json(&v);
                } else {
                    if let Some(t) = v.get("table").map(|t| model::read(t).0) {
                        print_totals_text(&totals::totals(&t).0, locale);
                    }
                    let gaps = &cov.gaps;
                    // The sentence is the locale's (vocab catalogue), like every message.
                    let line = cxzy_form::core::vocab::catalogue(locale)
                        .phrase("cli_gaps")
                        .replace("{orgs}", &gaps.orgs.len().to_string())
                        .replace("{secretaries}", &gaps.secretaries.len().to_string())
                        .replace("{members}", &gaps.members.len().to_string())
                        .replace("{not_reviewing}", &gaps.not_reviewing.len().to_string());
                    outln!("{line}");
                    report(&cov.issues, false, locale);
                }
                Ok(i32::from(has_errors(&cov.issues)))
            }
            Command::Aggregate { files, unit, batch } => {
                let children = files.iter().map(|f| read_table(f).map(|t| t.2)).collect::<Result<Vec<_>, _>>()?;
                let (parent, mut issues) = aggregate::aggregate(&children, &unit, batch);
                // Paths point into the list of files: name them.
                for i in &mut issues {
                    if let Some(n) = i.path.split('/').nth(2).and_then(|n| n.parse::<usize>().ok()) {
                        if let Some(f) = files.get(n) {
                            i.params.insert("file".into(), f.display().to_string().into());
                        }
                    }
                }
                localize(&mut issues, locale);
                if aggregate::refused(&issues) {
                    return Ok(report(&issues, false, locale).max(1));
                }
                // A child total that cannot be computed left the parent's cell empty: say which
                // (R002 of the parent), and exit 1 — the printed table has errors to fix first.
                let value = parent.to_value();
                let (_, read_issues) = model::read(&value);
                let mut empty: Vec<Issue> = read_issues.into_iter().filter(|i| i.code == "R002").collect();
                localize(&mut empty, locale);
                for i in issues.iter().chain(&empty) {
                    eprintln!("{} {}: {}", i.code, severity_word(i.severity, locale), i.message);
                }
                print_json(&value);
                Ok(i32::from(!empty.is_empty()))
            }
            Command::Export { file, csv: _, xlsx, output } => {
                let (doc, _, _) = read_table(&file)?;
                let bytes = if xlsx {
                    cxzy_form::workbook::write(&doc).map_err(|error| Fatal::Workbook { path: file.clone(), error })?
                } else {
                    csv::write(&doc).into_bytes()
                };
                match output {
                    Some(o) => std::fs::write(&o, bytes).map_err(|error| Fatal::Io { path: o.clone(), error, write: true })?,
                    None => out!("{}", String::from_utf8_lossy(&bytes)),
                }
                Ok(0)
            }
        }
    }

    /// The computed view as a plain-text table: 栏次 and the columns, one line per row, 合计 first.
    /// The first column's heading and the total row's name are the locale's words (甲 and 合计 in
    /// zh-CN, as on the paper form; the view's JSON keeps `合计`, SPEC §3.4).
    fn print_totals_text(view: &Value, locale: Locale) {
        let c = vocab::catalogue(locale);
        let header: Vec<&str> =
            columns::COLUMNS.iter().map(|col| if col.field == "name" { c.phrase("cli_name_column") } else { col.no }).collect();
        outln!("{}", header.join("\t"));
        let total = view.get("total");
        let rows = std::iter::once(total).chain(view.get("rows").and_then(Value::as_array).into_iter().flatten().map(Some));
        for (i, r) in rows.flatten().enumerate() {
            let cells: Vec<String> = columns::COLUMNS
                .iter()
                .map(|col| match r.get(col.field) {
                    Some(Value::String(_)) if i == 0 && total.is_some() && col.field == "name" => c.phrase("total").to_string(),
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Number(n)) => n.to_string(),
                    _ => String::new(),
                })
                .collect();
            outln!("{}", cells.join("\t"));
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// Every command and every argument has its words in every locale (a new flag without
        /// its `cli_help_*` phrase would show a bare name), and no clap default is left.
        #[test]
        fn every_command_and_argument_has_words_in_every_locale() {
            for locale in [Locale::ZhCn, Locale::En] {
                let root = command_line(locale);
                let mut commands = vec![&root];
                commands.extend(root.get_subcommands());
                assert_eq!(commands.len(), 7, "cxzy, its five commands and help");
                for cmd in commands {
                    let name = cmd.get_name();
                    assert!(cmd.get_about().is_some_and(|a| !a.to_string().is_empty()), "{locale:?}: {name} has no about");
                    for a in cmd.get_arguments() {
                        let help = a.get_help().map(ToString::to_string).unwrap_or_default();
                        assert!(!help.is_empty(), "{locale:?}: {name} {} has no words", a.get_id());
                        for v in a.get_value_names().into_iter().flatten().filter(|_| a.get_action().takes_values()) {
                            // clap's default is the id in capitals (`FILES`).
                            let default = a.get_id().as_str().to_uppercase();
                            assert!(!v.is_empty() && (locale == Locale::En || v.as_str() != default), "{locale:?}: {name} {}: {v}", a.get_id());
                        }
                    }
                }
            }
        }

        #[test]
        fn the_locale_is_asked_or_the_environments() {
            let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
            assert_eq!(locale_of(&args(&["cxzy", "--locale", "en", "validate"])), Ok(Locale::En));
            assert_eq!(locale_of(&args(&["cxzy", "validate", "x.json", "--locale=zh-CN"])), Ok(Locale::ZhCn));
            assert_eq!(locale_of(&args(&["cxzy", "validate", "--locale", "fr"])), Err("fr".to_string()));
            assert_eq!(locale_of(&args(&["cxzy", "validate", "--locale"])), Err(String::new()));
        }
    }
}
