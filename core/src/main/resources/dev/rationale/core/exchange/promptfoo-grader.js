// Rationale's answer grading, as docs/prompt-set-format.md defines it: the task's answer format
// (context.config.answerFormats[task]) reads the answer out of the output, and it is compared with
// the test's metadata.expected after both are normalised. Kept in step with core/answer by a test.
const meta = (context.test && context.test.metadata) || {};
const formats = (context.config && context.config.answerFormats) || {};
const format = formats[meta.task] || {};
const text = typeof output === 'string' ? output : JSON.stringify(output);
const isWs = (c) => /[\t\n\u000B\f\r\u001C-\u001F]/.test(c)
    || (/[\p{Zs}\p{Zl}\p{Zp}]/u.test(c) && !'\u00A0\u2007\u202F'.includes(c));
const strip = (s) => {
  let b = 0;
  let e = s.length;
  while (b < e && isWs(s[b])) b++;
  while (e > b && isWs(s[e - 1])) e--;
  return s.substring(b, e);
};
const stripEnd = (s) => {
  let e = s.length;
  while (e > 0 && isWs(s[e - 1])) e--;
  return s.substring(0, e);
};
const nonBlank = (s) => (strip(s) === '' ? null : strip(s));
const NUMBER = /(?:(?<![A-Za-z0-9])-)?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)/g;

function answerIs(t) {
  const phrase = /\bthe\s+(?:final\s+)?answer\s+is\b(?:\s*:)?/gi;
  let m;
  while ((m = phrase.exec(t)) !== null) {
    let start = m.index + m[0].length;
    while (start < t.length && isWs(t[start])) start++;
    let end = t.length;
    for (let i = start; i < t.length; i++) {
      const c = t[i];
      if (c === '\n' || c === '\r') { end = i; break; }
      const last = i + 1 === t.length;
      if ((c === '.' || c === '!' || c === '?') && (last || isWs(t[i + 1]))) { end = i; break; }
    }
    const answer = cleanAnswer(t.substring(start, end));
    if (answer !== '') return answer;
  }
  return null;
}

function cleanAnswer(raw) {
  const opening = '"\'\u201C\u2018`';
  const closing = '"\'\u201D\u2019`';
  let previous;
  let a = raw;
  do {
    previous = a;
    a = strip(a).replace(/^\*+/, '').replace(/\*+$/, '');
    const kind = a.length >= 2 ? opening.indexOf(a[0]) : -1;
    if (kind >= 0 && closing[kind] === a[a.length - 1]) a = a.substring(1, a.length - 1);
    if (a.endsWith('.')) a = a.substring(0, a.length - 1);
  } while (a !== previous);
  return a;
}

function lastNumber(t) {
  const all = t.match(NUMBER);
  return all ? all[all.length - 1] : null;
}

function choice(t) {
  const allowed = (format.choices || 'ABCDE').toUpperCase();
  const ok = (l) => l != null && allowed.includes(l.toUpperCase());
  const after = /\b[Aa][Nn][Ss][Ww][Ee][Rr]\s+[Ii][Ss]\s*:?\s*\**\s*(?:\(([A-Za-z])\)|([A-Z])(?![\p{L}\p{N}'\u2019]))/gu;
  let m;
  while ((m = after.exec(t)) !== null) {
    const letter = m[1] != null ? m[1] : m[2];
    if (ok(letter)) return letter.toUpperCase();
  }
  let last = null;
  for (const p of t.matchAll(/\(([A-Za-z])\)/g)) if (ok(p[1])) last = p[1].toUpperCase();
  if (last != null) return last;
  const only = /^[ \t\n\u000B\f\r]*\**[ \t\n\u000B\f\r]*\(?([A-Za-z])\)?\.?[ \t\n\u000B\f\r]*\**[ \t\n\u000B\f\r]*$/.exec(t);
  return only && ok(only[1]) ? only[1].toUpperCase() : null;
}

function regex(t) {
  const pattern = format.pattern || '';
  const m = new RegExp(pattern).exec(t);
  if (!m) return null;
  const group = pattern.includes('(?<answer>') ? m.groups.answer : (m.length > 1 ? m[1] : m[0]);
  return group == null ? null : nonBlank(group);
}

function codeBlock(t) {
  const fence = '```';
  const open = t.indexOf(fence);
  if (open < 0) return nonBlank(t);
  const afterOpen = open + 3;
  const lineEnd = t.indexOf('\n', afterOpen);
  let close = t.indexOf(fence, afterOpen);
  let code;
  if (close >= 0 && (lineEnd < 0 || close < lineEnd)) {
    code = strip(t.substring(afterOpen, close));
  } else if (lineEnd < 0) {
    code = '';
  } else {
    close = t.indexOf(fence, lineEnd + 1);
    const body = close < 0 ? stripEnd(t.substring(lineEnd + 1)) : t.substring(lineEnd + 1, close);
    let end = body.length;
    while (end > 0 && (body[end - 1] === ' ' || body[end - 1] === '\t')) end--;
    if (end > 0 && body[end - 1] === '\n') {
      end--;
      if (end > 0 && body[end - 1] === '\r') end--;
    }
    code = body.substring(0, end);
  }
  return strip(code) === '' ? null : code;
}

function extractBy(rule, t) {
  switch (rule || 'answer-is') {
    case 'answer-is': return answerIs(t);
    case 'last-number': return lastNumber(t);
    case 'choice': return choice(t);
    case 'regex': return regex(t);
    case 'first-line': return t.split(/\r\n|\r|\n/).map(strip).find((l) => l !== '') || null;
    case 'whole': return nonBlank(t);
    case 'code-block': return codeBlock(t);
    default: throw new Error('unknown extract rule ' + rule);
  }
}

function plainNumber(written) {
  let s = written.replace(/,/g, '');
  const negative = s.startsWith('-');
  if (negative) s = s.substring(1);
  let [whole, fraction = ''] = s.split('.');
  whole = whole.replace(/^0+/, '') || '0';
  fraction = fraction.replace(/0+$/, '');
  const zero = whole === '0' && fraction === '';
  return (negative && !zero ? '-' : '') + whole + (fraction ? '.' + fraction : '');
}

function asText(a) {
  let s = a.normalize('NFKC').replace(/[\u2018\u2019\u201A\u201B]/g, '\'').replace(/[\u201C\u201D\u201E\u201F]/g, '"');
  s = s.toLowerCase().replace(/[ \t\n\u000B\f\r\p{Z}]+/gu, ' ');
  s = s.replace(/ (?=[.,;:!?%)\]}\u00BB])/g, '').replace(/(?<=\u00AB) /g, '');
  s = s.replace(/^(?:(?!-?\.?\d)[\p{P} \t\n\u000B\f\r])+/u, '');
  return s.replace(/(?:(?!%)[\p{P} \t\n\u000B\f\r])+$/u, '');
}

function normalize(a, rule) {
  switch (rule) {
    case 'numeric': {
      const first = a.replace(/\p{Sc}/gu, '').match(NUMBER);
      return first ? plainNumber(first[0]) : asText(a);
    }
    case 'text': return asText(a);
    case 'choice': {
      const s = asText(a);
      const one = [...s].length === 1 && /\p{L}/u.test(s);
      return one ? s.toUpperCase() : s;
    }
    default: return strip(a);
  }
}

let found = extractBy(format.extract, text);
if (found == null && format.fallback) found = extractBy(format.fallback, text);
if (found == null) return { pass: false, score: 0, reason: 'No answer found' };
const answer = found;
const compare = format.compare || 'text';
const expected = meta.expected;
if (compare === 'none' || expected == null || strip(String(expected)) === '') {
  return { pass: true, score: 1, reason: 'Ungraded; the answer is ' + answer };
}
const correct = normalize(answer, compare) === normalize(String(expected), compare);
return {
  pass: correct,
  score: correct ? 1 : 0,
  reason: (correct ? 'Correct: ' : 'Wrong: ') + 'the answer is ' + answer + ', expected ' + expected,
};
