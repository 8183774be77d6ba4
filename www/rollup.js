// The portal's own script for the receiving office's page (not part of the package): loads the
// bundled sample tables of the 19 sub-units as files, and shows what `cxzy-rollup` carries.
const el = document.getElementById('rollup');
const batch = document.getElementById('batch');
const status = document.getElementById('status');

batch.addEventListener('change', () => el.setAttribute('batch', batch.value));

/** The sample files of a batch, as File objects (what a clerk's picker would give). */
async function samples(b, skip = []) {
  const names = await (await fetch(`samples/rollup/batch${b}/index.json`)).json();
  return Promise.all(names.filter((n) => !skip.some((s) => n.startsWith(s))).map(async (n) => {
    const res = await fetch(`samples/rollup/batch${b}/${encodeURIComponent(n)}`);
    return new File([await res.arrayBuffer()], n);
  }));
}

document.getElementById('sample1').addEventListener('click', async () => {
  el.clear();
  batch.value = '1';
  el.setAttribute('batch', '1');
  // Two units have not reported yet: they show as 应报未报.
  await el.addFiles(await samples(1, ['大兴安岭地区', '省森工总局']));
});

document.getElementById('sample2').addEventListener('click', async () => {
  el.clear();
  batch.value = '2';
  el.setAttribute('batch', '2');
  await el.addFiles([...(await samples(1)), ...(await samples(2))]);
});

el.addEventListener('cxzy-rollup', (e) => {
  const r = e.detail;
  const errors = r.issues.filter((i) => i.severity === 'error').length;
  status.textContent = r.refused ? '不能汇总，请查看汇总检查' : `下级报表 ${r.children.length} 份，错误 ${errors} 个，应报未报 ${r.missing.length} 个`;
});
