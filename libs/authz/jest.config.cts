module.exports = require('../jest-lib-config.cjs')('authz');
