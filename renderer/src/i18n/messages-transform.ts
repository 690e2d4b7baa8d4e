/** The transform views' strings, merged into the one table in ./messages.ts (kept apart so two areas can grow at once). */
export const transformEn = {} as const;

export const transformPtBR: Record<keyof typeof transformEn, string> = {};
