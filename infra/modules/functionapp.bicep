// The function app on Flex Consumption (Linux, .NET isolated), running as a user-assigned identity: the host, the
// triggers and the app's own storage clients use identity-based connections (AzureWebJobsStorage__*), telemetry goes
// to Application Insights with Microsoft Entra authentication, and the deployment package is read with the same
// identity. The role assignments it needs live here too.

@description('Name of the function app; its default host name is {name}.azurewebsites.net.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app (one where Flex Consumption is offered).')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('Name of the user-assigned identity the app runs as, in this resource group.')
param identityName string

@description('Name of the storage account (AzureWebJobsStorage, the app\'s data, the deployment package).')
param storageAccountName string

@description('Blob service endpoint of that account.')
param blobEndpoint string

@description('Queue service endpoint of that account.')
param queueEndpoint string

@description('Table service endpoint of that account.')
param tableEndpoint string

@description('Blob container the deployment package is uploaded to.')
param deploymentContainerName string

@description('Name of the Application Insights component the app logs to.')
param applicationInsightsName string

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Origins allowed to call the API from a browser (the site, whose pages POST to the view counter).')
param allowedOrigins string[]

@description('Public URL of the site (the Front Door endpoint), for ContentPipeline__SiteBaseUrl.')
param siteBaseUrl string

@description('Site name shown on every page, for ContentPipeline__SiteName.')
param siteName string

@description('Container of article sources, for ContentPipeline__ArticlesContainer.')
param articlesContainerName string

@description('Static website container, for ContentPipeline__SiteContainer.')
param siteContainerName string

@description('Catalog table, for ContentPipeline__CatalogTable.')
param catalogTableName string

@description('View counter table, for ContentPipeline__ViewsTable.')
param viewsTableName string

@description('Queue of listing rebuild requests, for ContentPipeline__SiteRebuildQueue.')
param siteRebuildQueueName string

@description('Whether the app purges changed pages from Front Door, for ContentPipeline__Cdn__PurgeEnabled.')
param cdnPurgeEnabled bool

@description('Name of the Front Door profile, for ContentPipeline__Cdn__ProfileName.')
param cdnProfileName string

@description('Name of the Front Door endpoint, for ContentPipeline__Cdn__EndpointName.')
param cdnEndpointName string

// Must match the target framework of src/ContentPipeline.Functions (net10.0); checked by ContentPipeline.Infra.Tests.
var dotnetVersion = '10.0'

// Built-in roles, by id.
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner: host storage, blob trigger, $web and articles, the deployment package.
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor: site-rebuilds, the blob trigger's poison queue.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor: the catalog and view counter tables.
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher: telemetry with Entra ID auth.

var storageRoleIds = [
  storageBlobDataOwnerRoleId
  storageQueueDataContributorRoleId
  storageTableDataContributorRoleId
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-08-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  // azd finds the app to deploy the 'api' service of azure.yaml to by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }

  // Separate from the site so that settings can name the site's own host name (ApiBaseUrl). Flex Consumption sets
  // FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION itself and refuses them as app settings.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Identity-based storage connection, for the host, its triggers and the app's own clients (StorageClients).
      AzureWebJobsStorage__blobServiceUri: blobEndpoint
      AzureWebJobsStorage__queueServiceUri: queueEndpoint
      AzureWebJobsStorage__tableServiceUri: tableEndpoint
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.properties.clientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
      // ContentPipelineOptions. Options not set here keep their defaults (tuning knobs; see ConfigurationCoverageTests).
      ContentPipeline__SiteBaseUrl: siteBaseUrl
      ContentPipeline__ApiBaseUrl: 'https://${site.properties.defaultHostName}/api/'
      ContentPipeline__SiteName: siteName
      ContentPipeline__ArticlesContainer: articlesContainerName
      ContentPipeline__SiteContainer: siteContainerName
      ContentPipeline__CatalogTable: catalogTableName
      ContentPipeline__ViewsTable: viewsTableName
      ContentPipeline__SiteRebuildQueue: siteRebuildQueueName
      // CdnOptions: purge changed pages from Front Door as this app's identity.
      ContentPipeline__Cdn__PurgeEnabled: cdnPurgeEnabled ? 'true' : 'false'
      ContentPipeline__Cdn__SubscriptionId: subscription().subscriptionId
      ContentPipeline__Cdn__ResourceGroup: resourceGroup().name
      ContentPipeline__Cdn__ProfileName: cdnProfileName
      ContentPipeline__Cdn__EndpointName: cdnEndpointName
      ContentPipeline__Cdn__ClientId: identity.properties.clientId
    }
  }
}

// Basic (user name and password) publishing off: azd and az deploy to Flex Consumption with Microsoft Entra tokens.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storage.id, identity.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identity.id, monitoringMetricsPublisherRoleId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      monitoringMetricsPublisherRoleId
    )
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Name of the function app.')
output name string = site.name

@description('Public URL of the HTTP API, route prefix included.')
output apiBaseUrl string = 'https://${site.properties.defaultHostName}/api/'
