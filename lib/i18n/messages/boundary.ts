/**
 * What an error boundary says, in both languages (a client error boundary cannot know the request's locale). Kept
 * apart from the catalogues so the boundary, which every page loads, carries these strings and not 100 KB of
 * messages; id.ts and en.ts include them in their `errors` section, so the keys are the same everywhere.
 */
export const boundary = {
  id: {
    unavailableTitle: 'Sebentar lagi kembali',
    unavailable: 'Basis data sedang tidak dapat dijangkau. Tidak ada yang disimpan; coba lagi dalam beberapa detik.',
    unavailableRetrying: 'Halaman ini akan mencoba lagi dengan sendirinya.',
    unexpected: 'Terjadi kesalahan di server. Coba lagi sebentar lagi.',
    errorTitle: 'Terjadi kesalahan',
    tryAgain: 'Coba lagi',
  },
  en: {
    unavailableTitle: 'Back in a moment',
    unavailable: 'The database cannot be reached right now. Nothing was saved; try again in a few seconds.',
    unavailableRetrying: 'This page will try again by itself.',
    unexpected: 'Something went wrong on the server. Please try again shortly.',
    errorTitle: 'Something went wrong',
    tryAgain: 'Try again',
  },
} as const;
