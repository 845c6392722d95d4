import knex from 'knex';
import { Sequelize } from 'sequelize';
import * as util from 'util';

const db = knex({ client: 'pg' });
const sequelize = new Sequelize('postgres://localhost/reports');

export async function salesSince(day: string) {
  // expect: sql-built-by-concatenation
  return db('sales').whereRaw("created_at >= '" + day + "'");
}

export async function countByRegion(region: string) {
  const sql = util.format("SELECT count(*) FROM sales WHERE region = '%s'", region);
  // expect: sql-built-by-concatenation
  return sequelize.query(sql);
}
