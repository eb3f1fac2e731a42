// Small number helpers shared by the runner and the report.

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export const ms = (x) => `${Math.round(x).toLocaleString('en-GB')} ms`;
export const ms1 = (x) => `${x.toFixed(1)} ms`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
export const signedKb = (bytes) => `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 1024).toFixed(1)} KB`;
