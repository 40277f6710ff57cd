import { main } from '/work/main/dist/cli/main.js';
main(process.argv).then((code) => { process.exitCode = code; });
