/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "bundler", isolatedModules: true } }],
  },
  // Source files import each other lazily as "./x.js" (Node's ESM rule for import()); jest resolves them to the .ts file.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testTimeout: 30000,
  globalSetup: "<rootDir>/jest.global-setup.js",
};
