import { render } from 'preact';
import { Permissions } from './Permissions';

const root = document.getElementById('app');
if (root) render(<Permissions />, root);
