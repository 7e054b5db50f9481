// Lets the threads newsctl starts (parse workers, index workers, batch encoders) run from the
// sources when a test runs newsctl in process from src/: a module named NAME.js that does not
// exist is read from NAME.ts, its types stripped by the TypeScript compiler. Registered with
// --import by vitest.config.ts, in the test processes and so in every thread they start.

import { register } from "node:module";

register(new URL("./source-hooks-loader.mjs", import.meta.url));
