import ssl
import urllib.request

import requests


def fetch_report(url):
    # expect: tls-verification-disabled
    return requests.get(url, timeout=10, verify=False).json()


def fetch_legacy(url):
    # expect: tls-verification-disabled
    context = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=context).read()
