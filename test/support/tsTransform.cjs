'use strict';
/**
 * Lets the unit tier require the TypeScript sources directly (no build): each file is
 * transpiled on its own, types dropped, as tsc would emit it for dist/.
 */
const ts = require('typescript');

module.exports = {
	process(source, filename) {
		const { outputText } = ts.transpileModule(source, {
			fileName: filename,
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, inlineSourceMap: true },
		});
		return { code: outputText };
	},
};
