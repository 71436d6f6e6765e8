// Wire-agency conventions: the dateline that opens a wire story ("MOSCOW, Aug 20 (Reuters) -")
// and the sign-off some outlets print at the end of wire copy ("... land grab. REUTERS").

/** Agency names as printed, mapped to the credit we store. Keys are lower-case. */
const AGENCIES: Record<string, string> = {
  reuters: 'Reuters',
  ap: 'AP',
  'associated press': 'AP',
  afp: 'AFP',
  'agence france-presse': 'AFP',
  pa: 'PA',
  'pa media': 'PA',
  dpa: 'dpa',
  bloomberg: 'Bloomberg',
  upi: 'UPI',
  ians: 'IANS',
  pti: 'PTI',
  xinhua: 'Xinhua',
  ansa: 'ANSA',
  efe: 'EFE',
  kyodo: 'Kyodo',
  yonhap: 'Yonhap',
};

// Printed case varies ("Reuters", "REUTERS", "dpa", "AP"); the dateline pattern is otherwise
// case-sensitive (the city is in capitals), so the agency alternation lists the variants.
const AGENCY_ALT = [
  ...new Set(
    Object.keys(AGENCIES).flatMap((k) => [
      k,
      k.toUpperCase(),
      k.replace(/\b\w/g, (c) => c.toUpperCase()),
    ]),
  ),
]
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&'))
  .join('|');

/** "MOSCOW, Aug 20 (Reuters) -", "WASHINGTON (AP) —", "PARIS, 20 August (AFP) -": the city in
 *  capitals, then optional region and date, then the agency in parentheses and a dash. */
const DATELINE = new RegExp(
  `^([A-Z][A-Z\\u00C0-\\u00DE .'-]{1,40}?(?:,\\s*[A-Z][A-Za-z.]{1,20}){0,2}(?:,\\s*(?:[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+[A-Z][a-z]{2,8}))?(?:,\\s*\\d{4})?\\s*\\((${AGENCY_ALT})\\)\\s*[-–—:]+)\\s*`,
  '',
);

/** Upper-case agency names closing the text, optionally several ("AFP, REUTERS"). */
const SIGN_OFF = new RegExp(
  `(?<=[.!?"”’')\\]])\\s+((?:${upperAlt()})(?:\\s*[,/&]\\s*(?:${upperAlt()}))*)\\s*$`,
);

function upperAlt(): string {
  return [
    'REUTERS',
    'AP',
    'AFP',
    'BLOOMBERG',
    'DPA',
    'UPI',
    'PA',
    'XINHUA',
    'ANSA',
    'EFE',
    'KYODO',
    'YONHAP',
  ].join('|');
}

export function creditFor(agency: string): string | null {
  return AGENCIES[agency.trim().toLowerCase()] ?? null;
}

/** The dateline at the start of a paragraph and its agency, with the rest of the paragraph. */
export function findDateline(
  paragraph: string,
): { dateline: string; credit: string; rest: string } | null {
  const m = DATELINE.exec(paragraph);
  if (!m) return null;
  const credit = creditFor(m[2]!);
  if (!credit) return null;
  return { dateline: m[1]!.trim(), credit, rest: paragraph.slice(m[0].length) };
}

/** A trailing agency sign-off ("... land grab. REUTERS") and the paragraph without it. */
export function findSignOff(paragraph: string): { credit: string; rest: string } | null {
  const m = SIGN_OFF.exec(paragraph);
  if (!m) return null;
  const first = m[1]!.split(/\s*[,/&]\s*/)[0]!;
  const credit = creditFor(first);
  return credit ? { credit, rest: paragraph.slice(0, m.index).trimEnd() } : null;
}
