// The portal's own script (not part of the package): loads the sample on request and shows
// what the form's events carry.
const form = document.getElementById('form');
const status = document.getElementById('status');

document.getElementById('load-sample').addEventListener('click', async () => {
  const res = await fetch('samples/heilongjiang-2010-batch1.json');
  form.setData(await res.json());
});

// detail.counts: what the form shows (a blank form does not count its empty cells yet);
// detail.issues holds every issue, the empty cells too, as submitting would find them.
form.addEventListener('cxzy-validate', (e) => {
  const { errors, warnings } = e.detail.counts;
  status.textContent = `检查结果：${errors} 个错误，${warnings} 个警告`;
});

form.addEventListener('cxzy-submit', (e) => {
  // A real portal would upload e.detail.data here.
  status.textContent = `已通过检查，可以上报：${e.detail.data.unit || ''} 第${e.detail.data.batch || ''}批`;
});
