// What the register page does with the device: read chosen or dropped files, fetch an archived
// policy version from the site's own files, and hand a file to the person (download). Nothing
// here sends anything anywhere: downloads are blob URLs made and used on this computer.

/** Over this a file is not read whole (the core refuses it with the CLI's words). */
const MAX_BYTES = 1024 * 1024;

/** A chosen file's text, at most one byte over the limit, so the core can say it is too large. */
export async function readFile(file) {
  return file.slice(0, MAX_BYTES + 1).text();
}

/**
 * An archived policy version from `register/archive/` (a copy of `policies/archive/`, made by
 * scripts/build-register.sh), or null when the site does not keep it: the declaration is then
 * reported as of an unknown version, never checked against another.
 */
export async function fetchArchive(file) {
  try {
    const response = await fetch(new URL(`archive/${file}`, import.meta.url), { credentials: 'same-origin', redirect: 'error' });
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

/** Offers `text` as a file called `name`. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the blob only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Today as YYYY-MM-DD in the person's own time zone, for file names. */
export function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
