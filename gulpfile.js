const path = require('path');
const { task, src, dest } = require('gulp');

// tsc compiles the sources; n8n also needs the icons, which the node and credential reference
// as file:../icons/*.svg relative to their compiled files.
task('build:icons', () => src('icons/*.svg', { encoding: false }).pipe(dest(path.resolve('dist', 'icons'))));
