// The generated clients fall back to `window` for fetch when none is given. Node has no window, so in
// this module the name stands for the global object, whose fetch every current runtime has.
const window = globalThis;
