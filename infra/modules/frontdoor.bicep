// Azure Front Door Standard in front of the storage account's static website (classic Azure CDN takes no new
// profiles). Caching follows the origin: no rule set overrides it, so each blob's Cache-Control (set by the pipeline
// per kind of page) decides how long the edge keeps it. Readers get HTTPS only: HTTP is redirected, and Front Door
// reaches the origin over HTTPS.

@description('Name of the Front Door profile.')
param profileName string

@description('Name of the endpoint; Front Door appends a hash to make its host name, e.g. {name}-abc123.z01.azurefd.net.')
param endpointName string

@description('Tags applied to the profile and endpoint.')
param tags object

@description('Host name of the static website endpoint, the only origin.')
param originHostName string

@description('Name of the user-assigned identity allowed to purge the endpoint (the function app\'s), in this resource group.')
param purgeIdentityName string

// Content types compressed at the edge: the pages, listings, feed, sitemap, stylesheet and beacon the site is made of.
var compressedContentTypes = [
  'text/html'
  'text/css'
  'text/plain'
  'text/xml'
  'application/javascript'
  'application/json'
  'application/xml'
  'application/atom+xml'
  'image/svg+xml'
]

// CDN Profile Contributor. The app purges through ARM (afdEndpoints/{endpoint}/purge), which needs
// Microsoft.Cdn/profiles/afdEndpoints/purge/action. No narrower built-in role has it: CDN Endpoint Contributor covers
// classic CDN endpoints only (profiles/endpoints/*) and is refused for Front Door Standard. It is assigned on this
// one profile, which serves nothing but this site.
var cdnProfileContributorRoleId = 'ec156ff8-a8d1-4d15-830c-5b80698ca432'

resource purgeIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: purgeIdentityName
}

resource profile 'Microsoft.Cdn/profiles@2025-04-15' = {
  name: profileName
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
  properties: {
    originResponseTimeoutSeconds: 60
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2025-04-15' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

// One origin, so no health probe: probes would only add origin requests (and cost) without a second origin to fail over to.
resource originGroup 'Microsoft.Cdn/profiles/originGroups@2025-04-15' = {
  parent: profile
  name: 'static-website'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    sessionAffinityState: 'Disabled'
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2025-04-15' = {
  parent: originGroup
  name: 'storage'
  properties: {
    hostName: originHostName
    originHostHeader: originHostName
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}

resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2025-04-15' = {
  parent: endpoint
  name: 'site'
  // A route may only be created once its origin group has an origin.
  dependsOn: [
    origin
  ]
  properties: {
    originGroup: {
      id: originGroup.id
    }
    supportedProtocols: [
      'Http'
      'Https'
    ]
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    patternsToMatch: [
      '/*'
    ]
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
    cacheConfiguration: {
      // Pages never vary by query string; ignoring it also stops ?x=1 from filling the cache with copies.
      queryStringCachingBehavior: 'IgnoreQueryString'
      compressionSettings: {
        isCompressionEnabled: true
        contentTypesToCompress: compressedContentTypes
      }
    }
  }
}

resource purgeRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(profile.id, purgeIdentity.id, cdnProfileContributorRoleId)
  scope: profile
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cdnProfileContributorRoleId)
    principalId: purgeIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the Front Door profile.')
output profileName string = profile.name

@description('Name of the endpoint, as the purge API addresses it.')
output endpointName string = endpoint.name

@description('Public URL of the site, e.g. https://{endpoint}-abc123.z01.azurefd.net/.')
output siteUrl string = 'https://${endpoint.properties.hostName}/'

@description('Origin of the site, without a trailing slash, for CORS.')
output siteOrigin string = 'https://${endpoint.properties.hostName}'
