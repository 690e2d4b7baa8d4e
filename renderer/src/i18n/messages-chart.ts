/** The chart views' strings, merged into the one table in ./messages.ts (kept apart so two areas can grow at once). */
export const chartEn = {} as const;

export const chartPtBR: Record<keyof typeof chartEn, string> = {};
