/**
 * Discord's message limits, as documented for embeds, components and
 * interaction responses. Lengths are counted in UTF-16 code units, which is
 * never less than what Discord counts, so staying under them is always safe.
 */
export const DISCORD_LIMITS = Object.freeze({
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  /** Title, description, field names and values, footer and author, over all embeds of a message. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  autocompleteChoiceName: 100,
  autocompleteChoiceValue: 100,
  commandDescription: 100,
  optionDescription: 100,
  optionsPerCommand: 25,
});
