const Koa = require('koa');
const cors = require('@koa/cors');

const app = new Koa();
// expect: cors-reflects-request-origin
app.use(cors());
app.listen(3000);
