'use strict';
// Installs the workbench's browser libraries exactly as package-lock.json pins them (npm ci), with the machine's own
// node and npm. Skipped when node_modules was installed from this very lock file, so a build after the first one
// needs neither the network nor the 6 s of a reinstall.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const lock = fs.readFileSync(path.join(__dirname, 'package-lock.json'));
const stamp = path.join(__dirname, 'node_modules', '.installed-from-package-lock.json');
if (fs.existsSync(stamp) && fs.readFileSync(stamp).equals(lock)) {
  process.exit(0);
}
// --ignore-scripts: no package runs code at install time; --prefer-offline: the npm cache answers when it can.
execFileSync('npm', ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: __dirname, stdio: 'inherit' });
fs.writeFileSync(stamp, lock);
