/**
 * Nouns that a year or a month name can qualify on their own, as in "1986 results",
 * "the 1987 budget" or "January exports" — enough to tell a date from a number or a name.
 */
export const PERIOD_NOUN =
  /^[\s-]+(?:results?|profits?|earnings|sales|budget|output|production|exports?|imports?|figures?|levels?|season|crop|harvest|quotas?|targets?|forecasts?|estimates?|loss(?:es)?|revenues?|net|dividends?|period|report|agreement|accord|plan|census|deficit|surplus|shipments?|deliveries|trade|payments?|spending|growth|inflation|average|total|quarter|(?:general\s+|presidential\s+)?elections?|olympics|world\s+cup|summit|crash|war|revolution|uprising)\b/iu;
