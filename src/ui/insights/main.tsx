import { render } from 'preact';
import { Insights } from './Insights';

const root = document.getElementById('app');
if (root) render(<Insights />, root);
