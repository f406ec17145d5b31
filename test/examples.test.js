/** examples/ is what the e2e suite runs, with example values: regenerate with `npm run examples`. */
const fs = require('node:fs');
const path = require('node:path');
const { examples } = require('../scripts/write-examples.cjs');

test.each(Object.entries(examples()))('examples/%s is up to date', (file, content) => {
	const committed = JSON.parse(fs.readFileSync(path.join(__dirname, '../examples', file), 'utf8'));
	expect(committed).toEqual(content);
});
