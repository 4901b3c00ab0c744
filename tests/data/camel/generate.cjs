#!/usr/bin/env node
// Conformance oracle for respmodel's camelCase form.
//
// Runs the real deserializers of the Azure VoiceLive JS SDK (npm `@azure/ai-voicelive`)
// over our snake_case wire test data and writes what they return. This script is our own
// code; it only *calls* the SDK, which must be installed somewhere outside this repo.
//
// Usage:
//   mkdir -p /tmp/npmscratch && cd /tmp/npmscratch && npm install @azure/ai-voicelive
//   node /path/to/tests/data/camel/generate.cjs [--sdk /tmp/npmscratch] \
//        /path/to/tests/data/wire /path/to/tests/data/camel/expected
// --sdk names a folder whose node_modules holds the package (default: the current folder).
//
// For every *.json in the wire folder (sorted by name) the deserializer is picked by prefix:
//   response_*.json -> voiceLiveResponseDeserializer  (Response)
//   item_*.json     -> responseItemUnionDeserializer  (output / conversation item union)
//   part_*.json     -> contentPartUnionDeserializer   (content part union)
// and its result is written to the expected folder under the same name, as
// JSON.stringify(result, null, 2) plus "\n". Keys whose value is `undefined` (the SDK reads
// every modeled key, present or not) vanish in JSON; keys whose value is null stay null.
// Key order is the SDK's, not the wire's: compare as parsed JSON, not as text.
// If the SDK throws on a file (e.g. usage without input_token_details), no expected file is
// written for it; the error is recorded in expected/_sdk_errors.json instead.
// expected/_sdk_version.json records the package version used. Old *.json in the expected
// folder are removed first, so the folder always matches one run.
"use strict";
const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
let sdkDir = process.cwd();
const sdkAt = args.indexOf("--sdk");
if (sdkAt !== -1) {
  sdkDir = path.resolve(args[sdkAt + 1]);
  args.splice(sdkAt, 2);
}
if (args.length !== 2) {
  console.error("usage: node generate.cjs [--sdk DIR] WIRE_DIR EXPECTED_DIR");
  process.exit(2);
}
const [wireDir, outDir] = args.map((a) => path.resolve(a));

// The deserializers are not in the package's public exports, so load the CommonJS models
// module by path, found next to the (exported) package.json.
const pkgJson = require.resolve("@azure/ai-voicelive/package.json", { paths: [sdkDir] });
const pkgRoot = path.dirname(pkgJson);
const version = JSON.parse(fs.readFileSync(pkgJson, "utf8")).version;
const models = require(path.join(pkgRoot, "dist", "commonjs", "models", "models.js"));

const byPrefix = {
  response: models.voiceLiveResponseDeserializer,
  item: models.responseItemUnionDeserializer,
  part: models.contentPartUnionDeserializer,
};
for (const [prefix, fn] of Object.entries(byPrefix)) {
  if (typeof fn !== "function") throw new Error(`SDK ${version}: no deserializer for ${prefix}_*`);
}

const write = (name, value) =>
  fs.writeFileSync(path.join(outDir, name), JSON.stringify(value, null, 2) + "\n");

fs.mkdirSync(outDir, { recursive: true });
for (const old of fs.readdirSync(outDir)) {
  if (old.endsWith(".json")) fs.unlinkSync(path.join(outDir, old));
}

const errors = {};
let written = 0;
const names = fs.readdirSync(wireDir).filter((n) => n.endsWith(".json")).sort();
for (const name of names) {
  const fn = byPrefix[name.split("_", 1)[0]];
  if (!fn) continue; // not one of ours
  const wire = JSON.parse(fs.readFileSync(path.join(wireDir, name), "utf8"));
  let camel;
  try {
    camel = fn(wire);
  } catch (e) {
    errors[name] = `${e.name}: ${e.message}`;
    continue;
  }
  write(name, camel);
  written++;
}
write("_sdk_errors.json", errors);
write("_sdk_version.json", { package: "@azure/ai-voicelive", version });
console.log(`@azure/ai-voicelive ${version}: wrote ${written} files, SDK threw on ${Object.keys(errors).length}`);
