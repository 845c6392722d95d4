import ssl

import requests


def fetch_report(url):
    return requests.get(url, timeout=10, verify="/etc/ssl/certs/partner-ca.pem").json()


def context():
    return ssl.create_default_context(cafile="/etc/ssl/certs/partner-ca.pem")
