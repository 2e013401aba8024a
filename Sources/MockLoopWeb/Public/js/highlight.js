// A small syntax highlighter for the practice editor and read-only code blocks: one regex pass per
// language (comments, strings, numbers, words; keywords looked up in a set). The code is the user's,
// so nodes are only ever built with createElement + textContent / createTextNode, never innerHTML.
const words = (list) => new Set(list.split(/\s+/));
const R = String.raw;
// Strings run to their closing quote, or to the end of the line when unterminated.
const quoted = (q) => R`${q}(?:[^${q}\\\n]|\\[\s\S])*${q}?`;
// Triple-quoted strings (Python, Swift) and template literals (JS) may span lines.
const spanning = (q) => R`${q}(?:[^\\]|\\[\s\S])*?(?:${q}|$)`;
const number = (sep) => R`0[xX][\da-fA-F${sep}]+|0[bB][01${sep}]+|0[oO][0-7${sep}]+|\d[\d${sep}]*(?:\.\d[\d${sep}]*)?(?:[eE][+-]?\d+)?[A-Za-z]*`;
const WORD = R`[A-Za-z_$][\w$]*`;
const BLOCK = R`\/\*[\s\S]*?(?:\*\/|$)`;

const LANGUAGES = {
  python: {
    comment: '#[^\\n]*',
    string: R`[rRbBuUfF]{0,2}(?:${spanning('"""')}|${spanning("'''")}|${quoted('"')}|${quoted("'")})`,
    number: number('_'),
    word: R`@[A-Za-z_][\w.]*|[A-Za-z_]\w*`,
    keywords: words(`False None True and as assert async await break class continue def del elif else
      except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield`),
  },
  javascript: {
    comment: R`\/\/[^\n]*|${BLOCK}`,
    string: R`${quoted('"')}|${quoted("'")}|${spanning('`')}`,
    number: number('_'),
    word: WORD,
    keywords: words(`async await break case catch class const continue debugger default delete do else export
      extends false finally for function if import in instanceof let new null of return static super switch this
      throw true try typeof undefined var void while with yield`),
  },
  cpp: {
    comment: R`\/\/[^\n]*|${BLOCK}`,
    string: R`${quoted('"')}|${quoted("'")}`,
    number: number("'"),
    word: R`#\s*[A-Za-z_]\w*|[A-Za-z_]\w*`,
    keywords: words(`alignas alignof auto bool break case catch char class const const_cast constexpr continue
      decltype default delete do double dynamic_cast else enum explicit extern false final float for friend goto if
      inline int long mutable namespace new noexcept nullptr operator override private protected public
      reinterpret_cast return short signed sizeof static static_assert static_cast struct switch template this
      throw true try typedef typename union unsigned using virtual void volatile while`),
  },
  swift: {
    comment: R`\/\/[^\n]*|${BLOCK}`,
    string: R`${spanning('"""')}|${quoted('"')}`,
    number: number('_'),
    word: R`[#@][A-Za-z_]\w*|[A-Za-z_$][\w$]*`,
    keywords: words(`actor any as associatedtype async await break case catch class continue convenience default
      defer deinit didSet do else enum extension fallthrough false fileprivate final for func get guard if import
      in indirect init inout internal is lazy let mutating nil open operator override private protocol public
      repeat required rethrows return self Self set some static struct subscript super switch throw throws true
      try typealias unowned var weak where while willSet`),
  },
};

const compiled = {};
function tokenizer(language) {
  const spec = LANGUAGES[language];
  if (!compiled[language]) {
    compiled[language] = new RegExp(`(${spec.comment})|(${spec.string})|(${spec.number})|(${spec.word})`, 'g');
  }
  return compiled[language];
}

/** The code as a fragment of text nodes and `<span class="tok-…">` elements. */
export function highlight(code, language) {
  const fragment = document.createDocumentFragment();
  const text = code == null ? '' : String(code);
  const spec = LANGUAGES[language];
  if (!spec) { fragment.append(document.createTextNode(text)); return fragment; }
  let plain = '';
  const flush = () => { if (plain) fragment.append(document.createTextNode(plain)); plain = ''; };
  const token = (kind, value) => {
    flush();
    const span = document.createElement('span');
    span.className = `tok-${kind}`;
    span.textContent = value;
    fragment.append(span);
  };
  const re = tokenizer(language);
  re.lastIndex = 0;
  let at = 0, m;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === '') { re.lastIndex += 1; continue; }
    plain += text.slice(at, m.index);
    at = re.lastIndex;
    if (m[1] !== undefined) token('comment', m[0]);
    else if (m[2] !== undefined) token('string', m[0]);
    else if (m[3] !== undefined) token('number', m[0]);
    else if (spec.keywords.has(m[0]) || m[0][0] === '#' || m[0][0] === '@') token('keyword', m[0]);
    else plain += m[0];
  }
  plain += text.slice(at);
  flush();
  return fragment;
}

/** Replaces the element's children with the highlighted code. */
export function highlightInto(element, code, language) {
  element.replaceChildren(highlight(code, language));
}

// Read-only code elsewhere: <pre class="code" data-language="python">…</pre> is highlighted in place.
if (typeof document !== 'undefined') {
  for (const pre of document.querySelectorAll('pre.code[data-language]')) {
    highlightInto(pre, pre.textContent, pre.dataset.language);
  }
}
