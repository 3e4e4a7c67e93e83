module.exports = { ...require('../../jest.preset.js'), displayName: 'scraper', rootDir: __dirname };
