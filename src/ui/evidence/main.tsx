import { render } from 'preact';
import { Viewer } from './Viewer';

const root = document.getElementById('app');
const captureId = new URLSearchParams(location.search).get('capture') ?? '';
if (root) render(<Viewer captureId={captureId} />, root);
