// `npm run bench`: benchmarks in real Chromium, figures as ratios to raw IndexedDB in the same run.
console.log('no benchmarks yet: they arrive with the ledger (issue 3) and declarations (issue 4).');
