import { openBackend } from '../../electron/backend/index';
import {test} from 'vitest';
test('x', async () => {

  const b = openBackend({ dbPath: '/tmp/rr-t/a.db' });
  console.log(await b.invoke('app:get-info', undefined));
  console.log(await b.invoke('catalog:create-item', { code: 'T-001', name: '单帐篷', baseUnit: '顶', packSize: 1, personsPerUnit: 5 }));
  console.log(await b.invoke('catalog:create-item', { code: 'T-001', name: '单帐篷', baseUnit: '顶' }));
  console.log(JSON.stringify(await b.invoke('catalog:create-item', { code: '', name: 3 })));
  console.log(await b.invoke('catalog:list-items', {}));
  console.log(await b.invoke('nope', {}));
  b.close();
});
