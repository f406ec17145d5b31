/** Names as a sentence lists them: "A", "A and B", "A, B and C". */
export const listed = (names: readonly string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''));
