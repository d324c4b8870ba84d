// The CDN bundle for the demo-portal test, built from the repository's rollup.config.mjs into the
// test's own folder (DVC_AUDIT_BUNDLE_DIR). The root config empties dist/cdn before every build,
// whatever output folder is asked for; that plugin is left out here, so a test run never deletes
// the bundle `npm start` may be serving.
import config from '../../../../rollup.config.mjs';

const dir = process.env.DVC_AUDIT_BUNDLE_DIR;
if (!dir) throw new Error('DVC_AUDIT_BUNDLE_DIR is not set');

export default {
  ...config,
  output: { ...config.output, dir },
  plugins: config.plugins.filter((plugin) => !/clean/i.test(plugin?.name ?? '')),
};
