module.exports = require('../jest-lib-config.cjs')('domain');
