#!/usr/bin/env python3
"""A test server for `rectrack audit --online`, on 127.0.0.1 only.

Usage: link_server.py PORT_FILE LOG_FILE
Writes the port it listens on to PORT_FILE (and that of a second listener,
with a self-signed certificate no client trusts, to PORT_FILE.tls), then
logs one JSON line per
request to LOG_FILE: path, method, the headers the tests look at, start and
end times, and how many requests were in flight when it started. Stops by
itself after 120 seconds in case a test forgets it.
"""
import email.utils, json, select, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, log_file = sys.argv[1], sys.argv[2]
lock = threading.Lock()
in_flight = 0
hits = {}
log = open(log_file, 'a', buffering=1)

PAGE = '<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p></body></html>'

def page(title, text='Official text of the measure.', attrs=''):
    return PAGE.format(title=title, text=text).replace('<body>', '<body %s>' % attrs).encode()

class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def send(self, status, body=b'', headers=None, content_type='text/html; charset=utf-8'):
        self.send_response(status)
        self.send_header('Content-Type', content_type)
        self.send_header('Content-Length', str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def route(self):
        path, n = self.path.split('?')[0], hits.get(self.path, 0)
        if path == '/ok':
            return self.send(200, page('Regulation 2024/1'))
        if path == '/chain1':
            return self.send(301, headers={'Location': '/chain2'})
        if path == '/chain2':
            return self.send(301, headers={'Location': '/ok'})
        if path == '/loop1':
            return self.send(302, headers={'Location': '/loop2'})
        if path == '/loop2':
            return self.send(302, headers={'Location': '/loop1'})
        if path == '/missing':
            return self.send(404, page('Not Found'))
        if path == '/gone':
            return self.send(410, page('Gone'))
        if path == '/flaky':
            return self.send(500 if n == 0 else 200, page('Flaky'))
        if path == '/busy-seconds':
            if n == 0:
                return self.send(429, headers={'Retry-After': '1'})
            return self.send(200, page('Busy'))
        if path == '/busy-date':
            if n == 0:
                when = email.utils.formatdate(time.time() + 2, usegmt=True)
                return self.send(429, headers={'Retry-After': when})
            return self.send(200, page('Busy'))
        if path == '/always-busy':
            return self.send(429, headers={'Retry-After': '1'})
        if path == '/down':
            return self.send(503, page('Service unavailable'))
        if path == '/slow':
            # Wait on the socket rather than sleep, so that a client that
            # gives up is seen leaving at once and stops counting as in flight.
            if select.select([self.connection], [], [], 3)[0]:
                self.close_connection = True
                return
            return self.send(200, page('Slow'))
        if path == '/etag':
            if self.headers.get('If-None-Match') == '"v1"':
                return self.send(304, headers={'ETag': '"v1"'})
            return self.send(200, page('Tagged'), headers={'ETag': '"v1"'})
        if path == '/changing':
            return self.send(200, page('Changing', 'Version %d of the text.' % n))
        if path == '/churn':
            return self.send(200, page('Churn', attrs='class="build-%d"' % n))
        if path == '/soft404':
            return self.send(200, page('Page not found'))
        if path == '/old-page':
            return self.send(301, headers={'Location': '/'})
        if path == '/':
            return self.send(200, page('Home'))
        if path == '/challenge':
            return self.send(403, b'<html><body>Please complete the CAPTCHA to continue</body></html>')
        if path == '/doc.pdf':
            return self.send(200, b'%PDF-1.4\n' + bytes(range(256)) * 8 + b'\n%%EOF\n', content_type='application/pdf')
        if path == '/big':
            return self.send(200, b'<html><body>' + b'x' * (2 * 1024 * 1024) + b'</body></html>')
        if path == '/head-refused':
            if self.command == 'HEAD':
                return self.send(405, headers={'Allow': 'GET'})
            return self.send(200, page('No HEAD here'))
        return self.send(404, page('Not Found'))

    def handle_one(self):
        global in_flight
        with lock:
            in_flight += 1
            active = in_flight
        start = time.time()
        try:
            self.route()
        finally:
            with lock:
                in_flight -= 1
                hits[self.path] = hits.get(self.path, 0) + 1
            log.write(json.dumps({
                'path': self.path, 'method': self.command, 'start': start, 'end': time.time(),
                'active': active, 'user_agent': self.headers.get('User-Agent', ''),
                'if_none_match': self.headers.get('If-None-Match', ''),
                'if_modified_since': self.headers.get('If-Modified-Since', '')}) + '\n')

    do_GET = do_HEAD = handle_one

server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
server.daemon_threads = True
threading.Timer(120, server.shutdown).start()

# The TLS listener: same routes, behind a certificate made for this run.
import os, ssl, subprocess
cert_dir = os.path.dirname(os.path.abspath(port_file))
key, cert = os.path.join(cert_dir, 'tls-key.pem'), os.path.join(cert_dir, 'tls-cert.pem')
subprocess.run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1',
                '-days', '1', '-keyout', key, '-out', cert], check=True, capture_output=True)
tls = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
tls.daemon_threads = True
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
tls.socket = context.wrap_socket(tls.socket, server_side=True)
threading.Thread(target=tls.serve_forever, daemon=True).start()
threading.Timer(120, tls.shutdown).start()
with open(port_file + '.tls', 'w') as f:
    f.write(str(tls.server_address[1]))
with open(port_file + '.tmp', 'w') as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + '.tmp', port_file)
server.serve_forever()
