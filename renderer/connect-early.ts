// Imported first by main.tsx, so it is evaluated before React and the views: the snapshot
// request (and the live stream) start while the rest of the app is still being evaluated and
// rendered, instead of after the first render's effects. App's own connect() is then a no-op.
// The auto-approve rules (the sidebar shows whether a folder's is on) are asked for with them,
// rather than from the sidebar's first effects, which run before the inbox's first screen is done.
import { loadRules } from './stores/decision-store';
import { connect } from './stores/desk-store';

connect();
void loadRules();
