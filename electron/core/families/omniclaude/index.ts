export { omniClaudeAdapter } from './omniclaude-adapter';
