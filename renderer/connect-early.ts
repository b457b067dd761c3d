// Imported first by main.tsx, so it is evaluated before React and the views: the snapshot
// request (and the live stream) start while the rest of the app is still being evaluated and
// rendered, instead of after the first render's effects. App's own connect() is then a no-op.
import { connect } from './stores/desk-store';

connect();
