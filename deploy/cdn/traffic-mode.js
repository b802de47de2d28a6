import cf from 'cloudfront';

// maprule traffic mode: CloudFront Function, viewer-request event, runtime cloudfront-js-2.0.
// Reads the key 'traffic-mode' from the KeyValueStore associated with this function and picks
// the origin of the request (docs/infrastructure.md, "Traffic modes"):
//   aws        origin group aws-first: AWS primary, Azure when AWS fails (nothing to do here)
//   azure      a request origin group: Azure primary, AWS when Azure fails
//   aws-only   origin aws alone, no failover
//   azure-only origin azure alone, no failover
// A missing key, an unknown value or any error means 'aws': the distribution's own default.
// Origin IDs and failover codes must match deploy/infra (the Java tests read this file).

var MODE_KEY = 'traffic-mode';
var DEFAULT_MODE = 'aws';
var AWS_ORIGIN = 'aws';
var AZURE_ORIGIN = 'azure';
var FAILOVER_STATUS_CODES = [500, 502, 503, 504];
// Headers only CloudFront may set on the way to the origins: a copy sent by a client is dropped.
var STRIP_HEADERS = ['x-origin-verify', 'cloudfront-viewer-address'];

var kvsHandle = cf.kvs();

async function readMode() {
    try {
        var value = await kvsHandle.get(MODE_KEY);
        var mode = String(value).trim().toLowerCase();
        if (mode === 'aws' || mode === 'azure' || mode === 'aws-only' || mode === 'azure-only') {
            return mode;
        }
        console.log('traffic-mode: unknown value ' + JSON.stringify(value) + ', using aws');
    } catch (e) {
        console.log('traffic-mode: cannot read the key (' + e + '), using aws');
    }
    return DEFAULT_MODE;
}

async function handler(event) {
    var request = event.request;
    for (var i = 0; i < STRIP_HEADERS.length; i++) {
        delete request.headers[STRIP_HEADERS[i]];
    }
    var mode = await readMode();
    try {
        if (mode === 'azure') {
            cf.createRequestOriginGroup({
                originIds: [{ originId: AZURE_ORIGIN }, { originId: AWS_ORIGIN }],
                failoverCriteria: { statusCodes: FAILOVER_STATUS_CODES }
            });
        } else if (mode === 'aws-only') {
            cf.selectRequestOriginById(AWS_ORIGIN);
        } else if (mode === 'azure-only') {
            cf.selectRequestOriginById(AZURE_ORIGIN);
        }
    } catch (e) {
        console.log('traffic-mode: cannot select the origin for ' + mode + ' (' + e + '), using aws');
    }
    return request;
}
