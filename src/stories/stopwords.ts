// English function words and newsroom filler that say nothing about which event an article is
// about. IDF already discounts common words; dropping these keeps vectors and postings small.
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are around as at be because been
  before being below between both but by can could did do does doing down during each even few
  for from further had has have having he her here hers herself him himself his how however i if
  in into is it its itself just last like made make many may me might more most much must my
  myself new no nor not now of off on once one only or other our ours ourselves out over own
  per said same say says she should since so some still such than that the their theirs them
  themselves then there these they this those though through to too two under until up upon us
  very via was we were what when where whether which while who whom whose why will with within
  without would yet you your yours yourself yourselves according told tell get got going year
  years week weeks day days time times monday tuesday wednesday thursday friday saturday sunday
  today yesterday tomorrow mr mrs ms people news reported report reports reuters ap afp`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
