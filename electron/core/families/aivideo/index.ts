export { aiVideoAdapter } from './aivideo-adapter';
