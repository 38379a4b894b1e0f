// ContentPipeline on Azure: one resource group with the storage account (sources, catalog, static website), the
// function app on Flex Consumption with its user-assigned identity, Event Grid for blob events, Front Door Standard in
// front of the site, and Application Insights. `azd up` deploys it with the code (see azure.yaml and README.md here);
// hooks/postdeploy.sh then subscribes the app to the blob events.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the unique suffix of every resource name.')
param environmentName string

@minLength(1)
@description('Azure region of the resources (Front Door is global). Pick one that offers Flex Consumption.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Name of the resource group to create; empty uses rg-{environmentName}.')
param resourceGroupName string = ''

@description('Object id of a user or service principal allowed to upload article sources straight into the articles container (Storage Blob Data Contributor); empty grants nobody. azd passes the signed-in user.')
param principalId string = ''

@description('Kind of principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Site name shown in every page\'s header and in Open Graph tags (ContentPipeline__SiteName).')
@minLength(1)
param siteName string = 'ContentPipeline'

@description('Purge changed pages from Front Door right away (ContentPipeline__Cdn__PurgeEnabled); off, readers see a change once its max-age runs out.')
param cdnPurgeEnabled bool = true

@description('Most instances the function app scales out to (Flex Consumption: 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each function app instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

// Names are computed here rather than read from module outputs, so that what-if can predict every resource.
var identityName = 'id-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'

// The storage names the app uses. They must equal the defaults of ContentPipelineOptions (the blob and queue triggers'
// attributes name them too); tests/ContentPipeline.Infra.Tests checks that they do and that each one is created.
var articlesContainerName = 'articles'
var siteContainerName = '$web' // The static website's container, which enabling the website creates.
var catalogTableName = 'articles'
var viewsTableName = 'views'
var siteRebuildQueueName = 'site-rebuilds'
// Flex Consumption reads the app's package from this container.
var deploymentContainerName = 'app-package-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [
      articlesContainerName
      deploymentContainerName
    ]
    tableNames: [
      catalogTableName
      viewsTableName
    ]
    queueNames: [
      siteRebuildQueueName
    ]
    // The home page and the not-found page the pipeline writes (SitePaths.Home, SitePaths.NotFound).
    indexDocument: 'index.html'
    errorDocument404Path: '404.html'
  }
}

module frontDoor 'modules/frontdoor.bicep' = {
  scope: rg
  dependsOn: [
    identity
  ]
  params: {
    profileName: 'afd-${resourceToken}'
    endpointName: 'site-${resourceToken}'
    tags: tags
    originHostName: storage.outputs.webHostName
    purgeIdentityName: identityName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: rg
  dependsOn: [
    identity
    monitoring
  ]
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityName: identityName
    storageAccountName: storageAccountName
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    allowedOrigins: [
      frontDoor.outputs.siteOrigin
    ]
    siteBaseUrl: frontDoor.outputs.siteUrl
    siteName: siteName
    articlesContainerName: articlesContainerName
    siteContainerName: siteContainerName
    catalogTableName: catalogTableName
    viewsTableName: viewsTableName
    siteRebuildQueueName: siteRebuildQueueName
    cdnPurgeEnabled: cdnPurgeEnabled
    cdnProfileName: frontDoor.outputs.profileName
    cdnEndpointName: frontDoor.outputs.endpointName
  }
}

module events 'modules/eventgrid.bicep' = {
  scope: rg
  dependsOn: [
    storage
  ]
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
}

module editorAccess 'modules/editor-access.bicep' = if (!empty(principalId)) {
  scope: rg
  dependsOn: [
    storage
  ]
  params: {
    storageAccountName: storageAccountName
    principalId: principalId
    principalType: principalType
  }
}

// azd stores these in the environment (.azure/{env}/.env); hooks/postdeploy.sh reads them.
@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding every resource.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the function app.')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = storageAccountName

@description('Container editors upload sources to, and whose blob events the app subscribes to.')
output ARTICLES_CONTAINER_NAME string = articlesContainerName

@description('Event Grid system topic of the storage account.')
output EVENT_GRID_SYSTEM_TOPIC_NAME string = events.outputs.name

@description('Public URL of the site (Front Door).')
output SITE_URL string = frontDoor.outputs.siteUrl

@description('Public URL of the API, route prefix included.')
output API_BASE_URL string = functionApp.outputs.apiBaseUrl
