/** A `.env` text parsed into variables, with the lines that could not be read. */
export interface DotenvResult {
  vars: Array<{ key: string; value: string }>;
  errors: Array<{ line: number; text: string; message: string }>;
}

/**
 * Parse pasted `.env` text as compose does: `KEY=VALUE` per line, blank lines and `#` comments ignored,
 * an optional `export ` prefix, values in double quotes (with `\n`, `\t`, `\"`, `\\` escapes) or single
 * quotes (literal), unquoted values trimmed and cut at ` #` comments. A later key wins.
 */
export function parseDotenv(text: string): DotenvResult {
  const vars = new Map<string, string>();
  const errors: DotenvResult['errors'] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, idx) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const body = line.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    if (eq <= 0) {
      errors.push({ line: idx + 1, text: raw, message: 'expected KEY=VALUE' });
      return;
    }
    const key = body.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) {
      errors.push({ line: idx + 1, text: raw, message: `"${key}" is not a variable name` });
      return;
    }
    let value = body.slice(eq + 1).trim();
    const q = value[0];
    if (q === '"' || q === "'") {
      const end = value.lastIndexOf(q);
      if (end === 0) {
        errors.push({ line: idx + 1, text: raw, message: 'a quote is not closed' });
        return;
      }
      const inner = value.slice(1, end);
      value =
        q === '"' ? inner.replace(/\\([nrt"\\])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c) : inner;
    } else {
      const hash = value.search(/\s#/);
      if (hash >= 0) value = value.slice(0, hash).trimEnd();
    }
    vars.set(key, value);
  });
  return { vars: [...vars].map(([key, value]) => ({ key, value })), errors };
}
