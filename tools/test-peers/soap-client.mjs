// The WebService integration called by a SOAP client of another implementation (npm soap), as a local system would:
// reads the WSDL, submits readings (one of them for an unknown point, which must come back refused), fetches the
// commands sent down, reports an alarm of a local system, registers an enterprise with a major hazard source (and sees a bad registration refused whole,
// every error named), and checks that a call without a token is refused with a typed fault.
//   node soap-client.mjs <base-url> <bearer-token> <point-id>
// Prints one JSON object with what it saw; exits 1 when a check fails.
import soap from 'soap';

const [base, token, point] = process.argv.slice(2);
if (!base || !token || !point) {
  console.error('usage: node soap-client.mjs <base-url> <bearer-token> <point-id>');
  process.exit(2);
}
const wsdl = new URL('soap/integration?wsdl', base).toString();
const report = { wsdl, checks: [] };
const check = (name, ok, detail) => report.checks.push({ name, ok: Boolean(ok), detail });

const client = await soap.createClientAsync(wsdl);
client.addHttpHeader('Authorization', `Bearer ${token}`);
const description = client.describe();
const port = description.IntegrationService?.IntegrationPort ?? {};
check('wsdl operations', port.SubmitReadings && port.SubmitAlarms && port.FetchCommands && port.SubmitRegistration, Object.keys(port));

const now = Date.now();
const [submitted] = await client.SubmitReadingsAsync({
  system: '中控系统 DCS-1',
  reading: [
    { pointId: point, time: new Date(now - 2000).toISOString(), value: 3.25, quality: 'GOOD' },
    { pointId: point, time: new Date(now - 1000).toISOString(), value: 3.5 },
    { pointId: 'no-such-point', time: new Date(now).toISOString(), value: 1 },
  ],
});
const result = submitted.result;
const refused = [].concat(result.refused ?? []);
report.submit = result;
check('two readings accepted', Number(result.accepted) === 2, result.accepted);
check('unknown point refused with its index and reason', refused.length === 1 && Number(refused[0].index) === 2
  && /no point no-such-point/.test(refused[0].reason), refused);

// the gas detection controller reports a fault of the point's instrument; a report with a wrong state comes back
const [alarmed] = await client.SubmitAlarmsAsync({
  system: 'GDS-1',
  alarm: [
    { pointId: point, kind: 'FAULT', state: 'ACTIVE', time: new Date(now - 3000).toISOString(), value: 0, priority: 'HIGH' },
    { pointId: point, kind: 'FAULT', state: 'BLINKING', time: new Date(now - 2000).toISOString() },
  ],
});
const alarmRefusals = [].concat(alarmed.result.refused ?? []);
report.alarms = alarmed.result;
check('alarm taken, bad state refused with its index', Number(alarmed.result.accepted) === 1 && alarmRefusals.length === 1
  && Number(alarmRefusals[0].index) === 1 && /ACTIVE or RETURNED/.test(alarmRefusals[0].reason), alarmed.result);

const [fetched] = await client.FetchCommandsAsync({ since: new Date(0).toISOString(), limit: 50 });
report.commands = [].concat(fetched?.command ?? []);
check('commands fetched', Array.isArray(report.commands), report.commands.length);

// registration data as the plant's safety management system keeps it
const USCC = '91370281MA3LQ0P012';
const tankFarm = {
  enterprise: USCC, code: 'HS-SOAP', name: '液氯钢瓶库（接口登记）', exposedPeople: 20, potentialDeaths: 3,
  unit: [{ code: 'U1', name: '液氯储存单元', kind: 'STORAGE',
    equipment: [{ code: 'W1', name: '钢瓶库', kind: 'WAREHOUSE' }],
    inventory: [{ equipmentCode: 'W1', substance: '氯', tonnes: '12.5' }] }],
};
const enterprise = {
  uscc: USCC, name: '胶州接口示范化工有限公司', regionCode: '370281', industryCode: '2614', address: '胶州市经济技术开发区 1 号',
  longitude: 120.01, latitude: 36.28, contactName: '李工', contactPhone: '0532-87654321', status: 'OPERATING',
};
const [dry] = await client.SubmitRegistrationAsync({ system: '安全管理系统', dryRun: true, enterprise: [enterprise], hazardSource: [tankFarm] });
check('dry run: valid, would create both, wrote nothing', String(dry.result.applied) === 'false' && String(dry.result.dryRun) === 'true'
  && [].concat(dry.result.error ?? []).length === 0 && Number(dry.result.enterprisesCreated) === 1, dry.result);
const [registered] = await client.SubmitRegistrationAsync({ system: '安全管理系统', enterprise: [enterprise], hazardSource: [tankFarm] });
report.registration = registered.result;
check('registered', String(registered.result.applied) === 'true' && Number(registered.result.enterprisesCreated) === 1
  && Number(registered.result.sourcesCreated) === 1, registered.result);
const [bad] = await client.SubmitRegistrationAsync({
  system: '安全管理系统',
  enterprise: [{ ...enterprise, uscc: '91370281MA3LQ0P013', name: '校验位错误' }],
  hazardSource: [{ ...tankFarm, code: 'HS-BAD', unit: [{ ...tankFarm.unit[0], kind: 'CELLAR' }] }],
});
const errors = [].concat(bad.result.error ?? []);
report.refusedRegistration = bad.result;
check('a bad registration is refused whole, every error named', String(bad.result.applied) === 'false'
  && errors.some((e) => e.item === 'hazardSource' && Number(e.index) === 0 && e.field === 'units[0].kind')
  && errors.some((e) => e.item === 'enterprise' && Number(e.index) === 0 && e.field === 'uscc'), errors);

const anonymous = await soap.createClientAsync(wsdl);
try {
  await anonymous.SubmitReadingsAsync({ system: 'x', reading: [{ pointId: point, time: new Date().toISOString(), value: 1 }] });
  check('no token: refused', false, 'the call was accepted');
} catch (error) {
  const fault = error?.root?.Envelope?.Body?.Fault;
  const text = JSON.stringify(fault ?? error.message);
  check('no token: refused', /UNAUTHENTICATED/.test(text), text.slice(0, 300));
}

console.log(JSON.stringify(report, null, 2));
process.exit(report.checks.every((c) => c.ok) ? 0 : 1);
