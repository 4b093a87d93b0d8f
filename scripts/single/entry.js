// The single offline file's script: its set-up first (modules are evaluated
// in import order), then the element, which asks for its screener at once.
import './setup.js';
import '../../pkg/src/element.js';
