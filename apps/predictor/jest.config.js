module.exports = { ...require('../../jest.preset.js'), displayName: 'predictor', rootDir: __dirname };
