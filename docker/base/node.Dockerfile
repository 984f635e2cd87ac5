# A local stand-in for the official node:20-bookworm-slim image, for machines that reach Debian's
# mirror and the npm registry but no image registry. tools/deploy/docker-image.mjs builds it:
#   1. debootstrap --variant=minbase bookworm DIR <mirror>, imported as local/debian:bookworm;
#   2. this file, with a build context holding the machine's own Node.js: `node` (the binary)
#      and `npm/` (its npm package directory), and the machine's CA bundle.
# Laid out as the official image is: node and npm under /usr/local, and the unprivileged `node`
# user and group with uid/gid 1000, which docker/Dockerfile runs the API as.
# One difference: the image trusts the certificate authorities the building machine trusts
# (its /etc/ssl/certs/ca-certificates.crt, through NODE_EXTRA_CA_CERTS), so that npm in the build
# reaches the registry wherever the machine does, e.g. through a TLS-inspecting proxy.
ARG DEBIAN_IMAGE=local/debian:bookworm
FROM ${DEBIAN_IMAGE}
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \
 && node --version \
 && npm --version
CMD ["node"]
