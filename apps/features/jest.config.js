module.exports = { ...require('../../jest.preset.js'), displayName: 'features-app', rootDir: __dirname };
