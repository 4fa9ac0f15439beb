// Starts a bench/child.ts task the way bin/migreport.js starts the CLI (tsx's ESM hooks only), so children cost what the build costs.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./child.ts');
await runTask(process.argv[2], process.argv[3]);
